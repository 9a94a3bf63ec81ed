import { RegistryCheckState } from '../../registry/data/registry-check.state';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { MockTranslationService, TranslationService } from '@vcd/i18n';
import { Observable, Subject, of } from 'rxjs';
import { RegistryStatus } from '../../shared/status-store/domain/registry-status';
import { RegistryStatusRepository } from '../../shared/status-store/data/registry-status.repository';
import { VCD_SESSION } from '../../vcd';
import { PROVIDER_SESSION } from '../../vcd/testing/vcd-testing';
import { CheckEvent, CheckOptions, ImageToCheck, PresenceChecker, PresenceResult } from '../data/presence-check';
import { PresenceCheckers } from '../data/presence-checkers';
import { DependenciesSectionComponent } from './dependencies-section.component';

const FILE = [
  'registry.k8s.io sig-storage/csi-attacher v3.2.1',
  'registry.k8s.io sig-storage/csi-resizer v1.4.0',
  'projects.registry.vmware.com tkg/etcd v3.5.10_vmware.1',
  'projects.registry.vmware.com tkg/pause 3.9',
  'bad line with $(rm -rf)',
].join('\n');

/** A checker the spec drives: it answers when told to, and honours cancellation as the real ones do. */
class FakeChecker implements PresenceChecker {
  images: readonly ImageToCheck[] = [];
  options?: CheckOptions;
  private events?: Subject<CheckEvent>;
  private done = 0;

  check(images: readonly ImageToCheck[], options: CheckOptions): Observable<CheckEvent> {
    this.images = images;
    this.options = options;
    this.done = 0;
    const events = new Subject<CheckEvent>();
    this.events = events;
    options.cancel?.subscribe(() => {
      events.next({ type: 'done', cancelled: true, partial: true, requests: this.done });
      events.complete();
    });
    return events;
  }

  answer(repositoryEnd: string, result: (image: ImageToCheck) => PresenceResult): void {
    const image = this.images.find((candidate) => candidate.repository.endsWith(repositoryEnd));
    if (!image || !this.events) throw new Error(`not asked for ${repositoryEnd}`);
    this.done++;
    this.events.next({ type: 'result', result: result(image) });
    this.events.next({ type: 'progress', done: this.done, total: this.images.length, requests: this.done });
  }

  finish(): void {
    this.events?.next({ type: 'done', cancelled: false, partial: false, requests: this.done });
    this.events?.complete();
  }
}

/** Finds and acts on the section as a user would; the spec asserts. */
class SectionPage {
  constructor(private readonly fixture: ComponentFixture<DependenciesSectionComponent>) {}

  private find(test: string): HTMLElement | null {
    return (this.fixture.nativeElement as HTMLElement).querySelector(`[data-test="${test}"]`);
  }

  async settle(): Promise<void> {
    this.fixture.detectChanges();
    await this.fixture.whenStable();
    this.fixture.detectChanges();
  }

  async useFile(text: string): Promise<void> {
    const section = this.fixture.componentInstance;
    section.mergeMode.setValue('replace');
    section.pasted.setValue(text);
    this.click('dependencies-use-paste');
    await this.settle();
  }

  click(test: string): void {
    const element = this.find(test);
    if (!(element instanceof HTMLButtonElement)) throw new Error(`no button ${test}`);
    element.click();
    this.fixture.detectChanges();
  }

  isDisabled(test: string): boolean {
    return (this.find(test) as HTMLButtonElement | null)?.disabled ?? true;
  }

  count(status: string): string {
    return this.find(`dependencies-summary-${status}`)?.textContent?.trim() ?? '';
  }

  rowStatuses(): string[] {
    const rows = (this.fixture.nativeElement as HTMLElement).querySelectorAll('[data-test="dependencies-row"]');
    return Array.from(rows, (row) => row.getAttribute('data-status') ?? '');
  }

  progressState(): string | null {
    return this.find('dependencies-progress')?.getAttribute('data-state') ?? null;
  }

  has(test: string): boolean {
    return this.find(test) !== null;
  }

  /** The text of the grid row whose destination ends with `repositoryEnd`. */
  rowText(repositoryEnd: string): string {
    const rows = (this.fixture.nativeElement as HTMLElement).querySelectorAll('[data-test="dependencies-row"]');
    const row = Array.from(rows).find((candidate) => candidate.textContent?.includes(`/${repositoryEnd}:`));
    return row?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** Clicks the button `test` inside the row of `repositoryEnd`. */
  clickInRow(repositoryEnd: string, test: string): void {
    const rows = (this.fixture.nativeElement as HTMLElement).querySelectorAll('[data-test="dependencies-row"]');
    const row = Array.from(rows).find((candidate) => candidate.textContent?.includes(`/${repositoryEnd}:`));
    const button = row?.querySelector(`[data-test="${test}"]`);
    if (!(button instanceof HTMLButtonElement)) throw new Error(`no ${test} in the row of ${repositoryEnd}`);
    button.click();
    this.fixture.detectChanges();
  }

  problemLines(): string[] {
    const items = (this.fixture.nativeElement as HTMLElement).querySelectorAll('[data-test="dependencies-parse-problem"] strong');
    return Array.from(items, (item) => item.textContent ?? '');
  }
}

const STATUS: RegistryStatus = {
  scope: 'system',
  accessPath: { kind: 'extApi', prefix: 'cseairgap-harbor-corp-local' },
  lastRegistryCheck: {
    base: 'harbor.corp.local/cse',
    accessPath: { kind: 'extApi', prefix: 'cseairgap-harbor-corp-local' },
    checkedAt: '2026-01-01T00:00:00Z',
    timeoutSeconds: 10,
    steps: [],
    chain: [],
    harborVersion: 'v2.10.0',
    verdict: 'passed',
  },
};

describe('DependenciesSectionComponent', () => {
  let fixture: ComponentFixture<DependenciesSectionComponent>;
  let page: SectionPage;
  let checker: FakeChecker;
  let stored: RegistryStatus[];
  let strategies: string[];

  async function open(status: RegistryStatus | undefined = STATUS): Promise<void> {
    checker = new FakeChecker();
    stored = [];
    strategies = [];
    const repository: Partial<RegistryStatusRepository> = {
      storage: () => of('ready' as const),
      find: () => of(status ? { entity: { id: 'urn:e', name: 'system', entityType: 't', entity: status }, etag: '"1"' } : undefined),
      update: (_name, initial, change) => {
        const next = change(status ?? initial);
        stored.push(next);
        return of(next);
      },
    };
    TestBed.configureTestingModule({
      imports: [DependenciesSectionComponent],
      providers: [
        provideNoopAnimations(),
        { provide: VCD_SESSION, useValue: PROVIDER_SESSION },
        { provide: RegistryStatusRepository, useValue: repository },
        { provide: PresenceCheckers, useValue: { forStrategy: (strategy: string) => (strategies.push(strategy), checker) } },
        { provide: TranslationService, useClass: MockTranslationService },
        RegistryCheckState,
      ],
    });
    fixture = TestBed.createComponent(DependenciesSectionComponent);
    page = new SectionPage(fixture);
    fixture.componentRef.setInput('vcdKeConfig', {
      profiles: [
        {
          bootstrapClusterConfig: { capiEcosystem: { infraProvider: { version: 'v1.3.0' } } },
          K8Config: { cpi: { version: '1.6.0' }, rdeProjectorVersion: '0.7.0' },
        },
      ],
    });
    fixture.componentRef.setInput('registryUrl', 'harbor.corp.local/cse');
    fixture.componentRef.setInput('isProvider', true);
    await page.settle();
  }

  async function checkAndAnswer(): Promise<void> {
    await page.useFile(FILE);
    page.click('dependencies-check');
    checker.answer('csi-attacher', (image) => ({ status: 'present', image, digest: 'sha256:1', manifestKind: 'index' }));
    checker.answer('csi-resizer', (image) => ({ status: 'missing', image, existingTags: ['1.4.0'], nearMiss: '1.4.0' }));
    checker.answer('etcd', (image) => ({ status: 'repositoryMissing', image }));
    checker.answer('pause', (image) => ({ status: 'notPullableAnonymously', image, reason: 'privateProject' }));
    checker.finish();
    await page.settle();
  }

  describe('when a registry check has been run', () => {
    beforeEach(() => open());

    it('reports each malformed line of a pasted file with its number and keeps the others', async () => {
      await page.useFile(FILE);
      const lines = page.problemLines();
      expect(lines.length).toBe(1);
      expect(lines[0]).toContain('dependencies.view.line');
      expect(lines[0]).toContain('"line":5');
      expect(fixture.componentInstance.catalog().length).toBe(4);
    });

    it('checks the images under the base through Harbor, and counts each status', async () => {
      await checkAndAnswer();
      expect(strategies).toEqual(['harborRest']);
      expect(checker.images.map((image) => image.repository)).toContain('cse/vmware-cloud-director/sig-storage/csi-attacher');
      expect([page.count('present'), page.count('missing'), page.count('repositoryMissing'), page.count('notPullableAnonymously')]).toEqual(
        ['1', '1', '1', '1'],
      );
      expect(page.progressState()).toBe('done');
    });

    it('keeps the result, counts included, in the status entity', async () => {
      await checkAndAnswer();
      const record = stored[0]?.lastDependencyCheck as { counts: Record<string, number>; results: unknown[]; release: string };
      expect(record.counts['missing']).toBe(1);
      expect(record.results.length).toBe(4);
      expect(record.release).toBe('4.2.1');
      expect(stored[0]?.accessPath).toEqual(STATUS.accessPath);
    });

    it('filters the grid to what needs a fix', async () => {
      await checkAndAnswer();
      page.click('dependencies-filter-missing');
      await page.settle();
      expect(page.rowStatuses().sort()).toEqual(['missing', 'notPullableAnonymously', 'repositoryMissing']);
    });

    it('ends the progress bar as cancelled when the user cancels', async () => {
      await page.useFile(FILE);
      page.click('dependencies-check');
      checker.answer('csi-attacher', (image) => ({ status: 'present', image, manifestKind: 'manifest' }));
      await page.settle();
      expect(page.progressState()).toBe('running');
      page.click('dependencies-cancel');
      await page.settle();
      expect(page.progressState()).toBe('cancelled');
      expect(page.has('dependencies-cancel')).toBeFalse();
      expect(page.isDisabled('dependencies-check')).toBeFalse();
    });

    it('downloads a dependencies.txt holding only the missing lines', async () => {
      await checkAndAnswer();
      let saved: Blob | undefined;
      spyOn(URL, 'createObjectURL').and.callFake((blob: Blob | MediaSource) => {
        saved = blob as Blob;
        return 'blob:test';
      });
      spyOn(HTMLAnchorElement.prototype, 'click');
      page.click('dependencies-download-missing');
      expect(await saved?.text()).toBe(
        'registry.k8s.io sig-storage/csi-resizer v1.4.0\nprojects.registry.vmware.com tkg/etcd v3.5.10_vmware.1\n',
      );
    });

    describe('when the check told presence from tag lists (no digests)', () => {
      async function checkWithoutDigests(): Promise<void> {
        await page.useFile(FILE);
        page.click('dependencies-check');
        checker.answer('csi-attacher', (image) => ({ status: 'present', image }));
        checker.answer('csi-resizer', (image) => ({ status: 'present', image }));
        checker.answer('etcd', (image) => ({ status: 'repositoryMissing', image }));
        checker.answer('pause', (image) => ({ status: 'present', image, digest: 'sha256:3', manifestKind: 'manifest' }));
        checker.finish();
        await page.settle();
      }

      it('looks up the digest of the one row the user opens, with one HEAD', async () => {
        await checkWithoutDigests();
        expect(page.rowText('csi-attacher')).toContain('dependencies.view.showDigest');
        page.clickInRow('csi-attacher', 'dependencies-show-digest');
        expect(checker.images.map((image) => image.repository.split('/').pop())).toEqual(['csi-attacher']);
        expect(checker.options?.withDigests).toBeTrue();
        checker.answer('csi-attacher', (image) => ({ status: 'present', image, digest: 'sha256:9', manifestKind: 'index' }));
        checker.finish();
        await page.settle();
        expect(page.rowText('csi-attacher')).toContain('sha256:9');
        expect(page.rowText('csi-attacher')).not.toContain('dependencies.view.showDigest');
      });

      it('adds the missing digests to the exports on request, only for present rows without one', async () => {
        await checkWithoutDigests();
        page.click('dependencies-fetch-digests');
        expect(checker.images.map((image) => image.repository.split('/').pop())).toEqual(['csi-attacher', 'csi-resizer']);
        expect(checker.options?.withDigests).toBeTrue();
        checker.answer('csi-attacher', (image) => ({ status: 'present', image, digest: 'sha256:7', manifestKind: 'manifest' }));
        checker.answer('csi-resizer', (image) => ({ status: 'present', image, digest: 'sha256:8', manifestKind: 'manifest' }));
        checker.finish();
        await page.settle();
        expect(page.has('dependencies-fetch-digests')).toBeFalse();
        expect(page.rowText('csi-resizer')).toContain('sha256:8');
      });
    });

    it('re-checks only what is not present', async () => {
      await checkAndAnswer();
      page.click('dependencies-recheck');
      expect(checker.images.map((image) => image.repository.split('/').pop())).toEqual(['csi-resizer', 'etcd', 'pause']);
    });
  });

  describe('when no registry check has been run', () => {
    beforeEach(() => open({ scope: 'system' }));

    it('says so and disables Check', async () => {
      await page.useFile(FILE);
      expect(page.has('dependencies-no-registry-check')).toBeTrue();
      expect(page.isDisabled('dependencies-check')).toBeTrue();
    });
  });
});
