import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslationService } from './shared/i18n';
import { MockTranslationService } from './shared/i18n/testing';
import { AirgapPageComponent } from './airgap-page.component';
import { ExternalEndpointService } from './registry/data/external-endpoint.service';
import { HostUsers } from './registry/data/host-users';
import { RegistryCheckRunner } from './registry/data/registry-check-runner';
import { RegistryHttp } from './registry/data/registry-http';
import { RestartMarkService } from './registry/data/restart-mark.service';
import { BrowserSettingsStore } from './shared/browser-settings';
import { provideBrowserStorage } from './shared/browser-settings/testing/memory-storage';
import { CseConfigRepository } from './shared/cse-config';
import { RegistryStatusRepository } from './shared/status-store/data/registry-status.repository';
import { PROVIDER_SESSION, TENANT_SESSION, answerRights, answerVersions, provideVcdTesting } from './vcd/testing/vcd-testing';
import { VcdSession } from './vcd';

const ROOT = 'https://vcd.example.com/cloudapi/1.0.0';
const LIST_URL = `${ROOT}/entities/types/vmware/VCDKEConfig/1.1.0`;
const ENTITY_ID = 'urn:vcloud:entity:vmware:VCDKEConfig:1';
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
    return /"key":"([^"]+)"/.exec(element?.textContent ?? '')?.[1];
  }

  registryUrl(): string | undefined {
    return this.find('registry-url')?.textContent?.trim();
  }
  certificateCounts(): string[] {
    return [...this.root.querySelectorAll('[data-test="certificate-count"]')].map((element) => element.textContent ?? '');
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
  saveDisabledReason(): string | undefined {
    return this.keyOf(this.find('save-disabled-reason'));
  }
  retry(): void {
    this.find('vcd-error')?.querySelector<HTMLButtonElement>('button')?.click();
    this.fixture.detectChanges();
  }
}

describe('AirgapPageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<AirgapPageComponent>;
  let page: AirgapPageWidget;

  const vcdKeConfig = {
    id: ENTITY_ID,
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

  function open(session: VcdSession = PROVIDER_SESSION): void {
    TestBed.configureTestingModule({
      imports: [AirgapPageComponent],
      providers: [
        ...provideVcdTesting(session),
        CseConfigRepository,
        RegistryHttp,
        RegistryCheckRunner,
        ExternalEndpointService,
        HostUsers,
        RegistryStatusRepository,
        BrowserSettingsStore,
        RestartMarkService,
        provideBrowserStorage(),
        { provide: TranslationService, useClass: MockTranslationService },
      ],
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
  }

  function answerEntity(): void {
    backend.expectOne(`${ROOT}/entities/${ENTITY_ID}`).flush(vcdKeConfig, { headers: { ETag: '"1"' } });
  }

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => backend.verify());

  it('shows a loading state until VCD answers', async () => {
    open();
    expect(page.isLoading()).toBeTrue();
    answerList([vcdKeConfig]);
    answerEntity();
    answerRights(backend, ['vmware:VCDKEConfig: Modify']);
    await settle();
    expect(page.isLoading()).toBeFalse();
  });

  it("shows CSE's registry URL and both certificate lists", async () => {
    open();
    answerList([vcdKeConfig]);
    answerEntity();
    answerRights(backend, ['vmware:VCDKEConfig: Modify']);
    await settle();
    expect(page.registryUrl()).toBe('harbor.corp.local/cse');
    expect(page.certificateCounts().some((text) => text.includes('"count":1'))).toBeTrue();
    expect(page.certificateCounts().some((text) => text.includes('"count":2'))).toBeTrue();
    expect(page.saveDisabledReason()).toBeUndefined();
  });

  it('asks VCD for the entity by its name', () => {
    open();
    const list = backend.expectOne((request) => request.url === LIST_URL);
    expect(list.request.params.get('filter')).toBe('name==vcdKeConfig');
    list.flush({ resultTotal: 0, pageCount: 0, page: 1, pageSize: 128, values: [] });
    answerRights(backend, []);
  });

  it('disables saving for a provider without a write right, saying why', async () => {
    open();
    answerList([vcdKeConfig]);
    answerEntity();
    answerRights(backend, ['vmware:VCDKEConfig: View']);
    await settle();
    expect(page.saveDisabledReason()).toBe('registry.settings.cannotSave.missingRight');
  });

  describe('when the configuration cannot be used as is', () => {
    it('says that CSE is not configured when no entity exists', async () => {
      open();
      answerList([]);
      answerRights(backend, []);
      await settle();
      expect(page.warningKey()).toBe('config.missing');
    });

    it('tells a tenant to ask for the View right instead', async () => {
      open(TENANT_SESSION);
      answerList([]);
      await settle();
      expect(page.warningKey()).toBe('config.missingTenant');
    });

    it('refuses to guess between several entities', async () => {
      open();
      answerList([vcdKeConfig, { ...vcdKeConfig, id: 'urn:2' }]);
      answerRights(backend, []);
      await settle();
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
      it(`explains HTTP ${status} with ${key}`, async () => {
        open(TENANT_SESSION);
        const list = backend.expectOne((request) => request.url === LIST_URL);
        if (status === 0) list.error(new ProgressEvent('error'));
        else list.flush({ minorErrorCode: 'X', message: 'boom' }, { status, statusText: 'failed' });
        await settle();
        expect(page.errorMessageKey()).toBe(key);
        expect(page.isLoading()).toBeFalse();
      });
    }

    it('loads again on retry and then shows the data', async () => {
      open(TENANT_SESSION);
      backend.expectOne((request) => request.url === LIST_URL).flush({}, { status: 503, statusText: 'down' });
      await settle();
      page.retry();
      answerList([vcdKeConfig]);
      answerEntity();
      await settle();
      expect(page.errorMessageKey()).toBeUndefined();
      expect(page.registryUrl()).toBe('harbor.corp.local/cse');
    });
  });

  it('tells a tenant administrator that the page is read-only, and why saving is off', async () => {
    open(TENANT_SESSION);
    answerList([vcdKeConfig]);
    answerEntity();
    await settle();
    expect(page.isReadOnlyNoticeShown()).toBeTrue();
    expect(page.saveDisabledReason()).toBe('registry.settings.cannotSave.tenant');
  });

  it('shows no read-only notice to the provider', async () => {
    open();
    answerList([vcdKeConfig]);
    answerEntity();
    answerRights(backend, ['vmware:VCDKEConfig: Modify']);
    await settle();
    expect(page.isReadOnlyNoticeShown()).toBeFalse();
  });
});
