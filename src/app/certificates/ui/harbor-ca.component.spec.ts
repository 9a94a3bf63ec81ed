import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { Observable, of } from 'rxjs';
import { AccessPath } from '../../registry/domain';
import { RegistryCheckState } from '../../shared/session-state';
import { HarborCaService } from '../data/harbor-ca.service';
import { HarborCaAnswer } from '../domain/harbor-ca';
import { TestIdentity, makeCa, makeLeaf } from '../testing/test-pki';
import { RawInput } from './certificate-input.component';
import { HarborCaComponent } from './harbor-ca.component';

const ACCESS: AccessPath = { kind: 'extApi', prefix: 'harbor' };
const HOST = 'harbor.corp.local';

/** What the provider sees of "use the CA Harbor serves", and the one click (keys, as MockTranslationService writes them). */
class HarborCaPage {
  constructor(private readonly fixture: ComponentFixture<HarborCaComponent>) {}

  private find(test: string): HTMLElement | null {
    return (this.fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-test="${test}"]`);
  }

  state(): string | undefined {
    return this.find('harbor-ca')?.dataset['state'];
  }

  /** The message key and its parameters, from the element's own text (not its labels). */
  message(test: string): { key: string; params: Record<string, unknown>[] } | undefined {
    const element = this.find(test);
    const own = Array.from(element?.childNodes ?? [], (node) => (node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : ''));
    const text = own.join('').trim();
    return text ? JSON.parse(text) : undefined;
  }

  has(test: string): boolean {
    return this.find(test) !== null;
  }

  use(): void {
    this.find('harbor-ca-use')?.click();
  }

  /**
   * Lets the effect run and the answer show, then waits for the certificate to be read (Web Crypto
   * answers outside Angular's zone). Bounded: a view that never appears (not Harbor) ends it too.
   */
  async settle(): Promise<void> {
    for (let i = 0; i < 500 && (this.state() === 'loading' || (i < 5 && this.state() === undefined)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      this.fixture.detectChanges();
    }
  }
}

describe('HarborCaComponent', () => {
  let page: HarborCaPage;
  let fetched: AccessPath[];
  let used: (readonly RawInput[])[];
  let ca: TestIdentity;
  let leaf: TestIdentity;

  beforeAll(async () => {
    ca = await makeCa('Corp Harbor CA');
    leaf = await makeLeaf(ca, { dns: [HOST] });
  });

  async function open(answer: HarborCaAnswer, reach: { harbor: boolean } = { harbor: true }): Promise<void> {
    fetched = [];
    used = [];
    const service: Pick<HarborCaService, 'fetch'> = {
      fetch: (access: AccessPath): Observable<HarborCaAnswer> => (fetched.push(access), of(answer)),
    };
    TestBed.configureTestingModule({
      imports: [HarborCaComponent],
      providers: [RegistryCheckState, { provide: TranslationService, useClass: MockTranslationService }],
    });
    TestBed.overrideComponent(HarborCaComponent, { set: { providers: [{ provide: HarborCaService, useValue: service }] } });
    const state = TestBed.inject(RegistryCheckState);
    state.chain.set({ host: HOST, pems: [leaf.pem, ca.pem], checkedAt: '2026-03-01T10:00:00.000Z' });
    state.reach.set({ path: ACCESS, harbor: reach.harbor });
    const fixture = TestBed.createComponent(HarborCaComponent);
    fixture.componentInstance.use.subscribe((inputs) => used.push(inputs));
    fixture.detectChanges();
    page = new HarborCaPage(fixture);
    await page.settle();
    fixture.detectChanges();
  }

  const pem = (identity: TestIdentity): Uint8Array => new TextEncoder().encode(identity.pem);

  describe('when Harbor serves the CA that signed its chain', () => {
    it('fetches it through the access path, names it with its fingerprint, says it signs the chain, and hands it on in one click', async () => {
      await open({ kind: 'found', bytes: pem(ca) });
      expect(fetched).toEqual([ACCESS]);
      const label = page.message('harbor-ca-label');
      expect(label?.key).toBe('certificates.harborCa.found');
      expect(label?.params[0]?.['subject']).toContain('Corp Harbor CA');
      expect(label?.params[0]?.['fingerprint']).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
      expect(page.has('harbor-ca-signs')).toBeTrue();
      page.use();
      expect(used).toEqual([[{ bytes: pem(ca), name: 'ca.crt' }]]);
    });
  });

  describe('when Harbor serves a CA that did not sign its chain', () => {
    it('says so, and still lets the provider take it', async () => {
      const other = await makeCa('Installer CA');
      await open({ kind: 'found', bytes: pem(other) });
      expect(page.has('harbor-ca-does-not-sign')).toBeTrue();
      expect(page.has('harbor-ca-use')).toBeTrue();
    });
  });

  describe('when there is no CA to take', () => {
    const cases: readonly (readonly [string, HarborCaAnswer, string])[] = [
      ['Harbor answers 404 (an older Harbor, or not Harbor)', { kind: 'notFound' }, 'notFound'],
      ['VCD answers instead of Harbor', { kind: 'notProxied', status: 404 }, 'notProxied'],
      ['the answer is far too large', { kind: 'tooLarge', size: 5_000_000 }, 'tooLarge'],
      ['the call fails', { kind: 'failed', status: 0 }, 'failed'],
      ['the answer holds no certificate', { kind: 'found', bytes: new TextEncoder().encode('<html>login</html>') }, 'unreadable'],
    ];
    for (const [when, answer, problem] of cases) {
      it(`says why when ${when}, and offers nothing to use`, async () => {
        await open(answer);
        expect(page.message('harbor-ca-problem')?.key).toBe(`certificates.harborCa.problem.${problem}`);
        expect(page.has('harbor-ca-use')).toBeFalse();
      });
    }
  });

  it('asks nothing of a registry that is not Harbor', async () => {
    await open({ kind: 'notFound' }, { harbor: false });
    expect(fetched).toEqual([]);
    expect(page.has('harbor-ca')).toBeFalse();
  });
});
