import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MockTranslationService, TranslationService } from '@vcd/i18n';
import { AirgapPageComponent } from './airgap-page.component';
import { CseConfigRepository } from './shared/cse-config';
import { PROVIDER_SESSION, TENANT_SESSION, answerVersions, provideVcdTesting } from './vcd/testing/vcd-testing';
import { VcdSession } from './vcd';

const LIST_URL = 'https://vcd.example.com/cloudapi/1.0.0/entities/types/vmware/VCDKEConfig/1.1.0';
const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

/** Finds and reads what a user sees on the page; the specs assert. */
class AirgapPageWidget {
  constructor(private readonly fixture: ComponentFixture<AirgapPageComponent>) {}

  private get root(): HTMLElement {
    return this.fixture.nativeElement as HTMLElement;
  }
  private find(test: string): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`[data-test="${test}"]`);
  }
  /** The translation double renders {"key":…,"params":…}: read the key back. */
  private keyOf(element: HTMLElement | null): string | undefined {
    const match = /"key":"([^"]+)"/.exec(element?.textContent ?? '');
    return match?.[1];
  }

  registryUrl(): string | undefined {
    return this.find('registry-url')?.textContent?.trim();
  }
  certificateCounts(): { bootstrap: string | undefined; nodes: string | undefined } {
    return { bootstrap: this.find('bootstrap-count')?.textContent?.trim(), nodes: this.find('node-count')?.textContent?.trim() };
  }
  errorMessageKey(): string | undefined {
    return this.keyOf(this.find('vcd-error'));
  }
  isLoading(): boolean {
    return this.find('loading') !== null;
  }
  isReadOnlyNoticeShown(): boolean {
    return this.find('read-only-note') !== null;
  }
  warningKey(): string | undefined {
    return this.keyOf(this.find('config-missing') ?? this.find('config-ambiguous'));
  }
  retry(): void {
    this.find('vcd-error')?.querySelector<HTMLButtonElement>('button')?.click();
    this.fixture.detectChanges();
  }
  openAirgapTab(): void {
    this.find('tab-airgap')?.click();
    this.fixture.detectChanges();
  }
}

describe('AirgapPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<AirgapPageComponent>;
  let page: AirgapPageWidget;

  function open(session: VcdSession = PROVIDER_SESSION): void {
    TestBed.configureTestingModule({
      imports: [AirgapPageComponent],
      providers: [...provideVcdTesting(session), CseConfigRepository, { provide: TranslationService, useClass: MockTranslationService }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AirgapPageComponent);
    page = new AirgapPageWidget(fixture);
    fixture.detectChanges();
    answerVersions(backend);
  }

  function answerList(values: object[]): void {
    backend
      .expectOne((request) => request.url === LIST_URL)
      .flush({ resultTotal: values.length, pageCount: 1, page: 1, pageSize: 128, values });
    fixture.detectChanges();
  }

  const vcdKeConfig = {
    id: 'urn:vcloud:entity:vmware:VCDKEConfig:1',
    name: 'vcdKeConfig',
    entityType: 'urn:vcloud:type:vmware:VCDKEConfig:1.1.0',
    entity: {
      profiles: [
        {
          containerRegistryUrl: 'harbor.corp.local/cse',
          bootstrapClusterConfig: { certificateAuthorities: [CA] },
          K8Config: { certificateAuthorities: [CA, CA] },
        },
      ],
    },
  };

  afterEach(() => backend.verify());

  it('shows a loading state until VCD answers', () => {
    open();
    expect(page.isLoading()).toBeTrue();
    answerList([vcdKeConfig]);
    expect(page.isLoading()).toBeFalse();
  });

  it("shows CSE's registry URL and certificate counts in both tabs", () => {
    open();
    answerList([vcdKeConfig]);
    expect(page.registryUrl()).toBe('harbor.corp.local/cse');
    expect(page.certificateCounts().bootstrap).toContain('"count":1');
    expect(page.certificateCounts().nodes).toContain('"count":2');
    page.openAirgapTab();
    expect(page.registryUrl()).toBe('harbor.corp.local/cse');
  });

  it('asks VCD for the entity by its name', () => {
    open();
    const list = backend.expectOne((request) => request.url === LIST_URL);
    expect(list.request.params.get('filter')).toBe('name==vcdKeConfig');
    list.flush({ resultTotal: 0, pageCount: 0, page: 1, pageSize: 128, values: [] });
  });

  describe('when the configuration cannot be used as is', () => {
    it('says that CSE is not configured when no entity exists', () => {
      open();
      answerList([]);
      expect(page.warningKey()).toBe('config.missing');
    });

    it('tells a tenant to ask for the View right instead', () => {
      open(TENANT_SESSION);
      answerList([]);
      expect(page.warningKey()).toBe('config.missingTenant');
    });

    it('refuses to guess between several entities', () => {
      open();
      answerList([vcdKeConfig, { ...vcdKeConfig, id: 'urn:2' }]);
      expect(page.warningKey()).toBe('config.ambiguous');
      expect(page.registryUrl()).toBeUndefined();
    });
  });

  describe('when VCD fails', () => {
    const failures: { status: number; key: string }[] = [
      { status: 401, key: 'vcd.errors.unauthorized' },
      { status: 403, key: 'vcd.errors.forbidden' },
      { status: 500, key: 'vcd.errors.server' },
      { status: 0, key: 'vcd.errors.network' },
    ];
    for (const { status, key } of failures) {
      it(`explains HTTP ${status} with ${key}`, () => {
        open();
        const list = backend.expectOne((request) => request.url === LIST_URL);
        if (status === 0) list.error(new ProgressEvent('error'));
        else list.flush({ minorErrorCode: 'X', message: 'boom' }, { status, statusText: 'failed' });
        fixture.detectChanges();
        expect(page.errorMessageKey()).toBe(key);
        expect(page.isLoading()).toBeFalse();
      });
    }

    it('loads again on retry and then shows the data', () => {
      open();
      backend.expectOne((request) => request.url === LIST_URL).flush({}, { status: 503, statusText: 'down' });
      fixture.detectChanges();
      page.retry();
      answerList([vcdKeConfig]);
      expect(page.errorMessageKey()).toBeUndefined();
      expect(page.registryUrl()).toBe('harbor.corp.local/cse');
    });
  });

  it('tells a tenant administrator that the page is read-only', () => {
    open(TENANT_SESSION);
    answerList([vcdKeConfig]);
    expect(page.isReadOnlyNoticeShown()).toBeTrue();
  });

  it('shows no read-only notice to the provider', () => {
    open();
    answerList([vcdKeConfig]);
    expect(page.isReadOnlyNoticeShown()).toBeFalse();
  });
});
