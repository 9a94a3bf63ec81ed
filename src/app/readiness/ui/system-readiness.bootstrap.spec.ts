import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { RestartMarkService } from '../../registry/data/restart-mark.service';
import { RegistryCheckRecord } from '../../registry/domain/registry-check';
import { RegistryStatusRepository } from '../../shared/status-store/data/registry-status.repository';
import { RegistryStatus, STATUS_TYPE_ID } from '../../shared/status-store/domain/registry-status';
import { BrowserSettingsStore } from '../../shared/browser-settings';
import { MemoryStorage, provideBrowserStorage } from '../../shared/browser-settings/testing/memory-storage';
import { RegistryCheckState } from '../../shared/session-state';
import { answerVersions, provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { SystemReadinessComponent } from './system-readiness.component';

const ROOT = 'https://vcd.example.com/cloudapi/1.0.0';
const STATUS_ID = 'urn:vcloud:entity:cseairgap:registryStatus:1';
const BASE = 'harbor.corp.local/cse';
const PROXY = 'http://cse:s3cret@proxy.corp.example:3128';
const SETTINGS_KEY = 'cse-airgap:https://vcd.example.com:settings';

function vcdKeConfig(noProxy: string): unknown {
  return {
    profiles: [
      {
        containerRegistryUrl: BASE,
        bootstrapClusterConfig: {
          kindVersion: 'v0.19.0',
          kindestNodeVersion: 'v1.27.1',
          proxyConfig: { httpProxy: PROXY, httpsProxy: PROXY, noProxy },
        },
      },
    ],
  };
}

function check(address: string): RegistryCheckRecord {
  return {
    base: BASE,
    accessPath: { kind: 'extApi', prefix: 'harbor' },
    checkedAt: '2026-03-01T10:00:00.000Z',
    timeoutSeconds: 10,
    steps: [{ id: 'connection', verdict: 'passed', detail: address }],
    chain: [],
    verdict: 'passed',
  };
}

/** What the provider reads on the page: one row per line, with its level and words (keys in specs). */
class ReadinessPage {
  constructor(private readonly fixture: ComponentFixture<SystemReadinessComponent>) {}

  private get root(): HTMLElement {
    return this.fixture.nativeElement as HTMLElement;
  }

  levelOf(line: string): string | undefined {
    return this.root.querySelector<HTMLElement>(`[data-test="readiness-line"][data-line="${line}"]`)?.dataset['level'];
  }

  textOf(line: string): string {
    return this.root.querySelector(`[data-test="readiness-line"][data-line="${line}"]`)?.textContent ?? '';
  }

  text(): string {
    return this.root.textContent ?? '';
  }

  markRestartDone(): void {
    this.root.querySelector<HTMLButtonElement>('[data-test="readiness-restart-done"]')?.click();
  }

  hasRestartDone(): boolean {
    return this.root.querySelector('[data-test="readiness-restart-done"]') !== null;
  }

  openBootstrapNote(): void {
    this.root
      .querySelector<HTMLButtonElement>('[data-test="readiness-line"][data-line="bootstrapVm"] [data-test="readiness-link"]')
      ?.click();
  }
}

describe('SystemReadinessComponent, Bootstrap VM lines and restart', () => {
  let fixture: ComponentFixture<SystemReadinessComponent>;
  let backend: HttpTestingController;
  let page: ReadinessPage;
  let storage: MemoryStorage;

  async function open(noProxy: string, status: RegistryStatus, kept = new MemoryStorage()): Promise<void> {
    storage = kept;
    TestBed.configureTestingModule({
      imports: [SystemReadinessComponent],
      providers: [
        ...provideVcdTesting(),
        RegistryStatusRepository,
        RegistryCheckState,
        BrowserSettingsStore,
        RestartMarkService,
        provideBrowserStorage(storage),
        { provide: TranslationService, useClass: MockTranslationService },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SystemReadinessComponent);
    page = new ReadinessPage(fixture);
    fixture.componentRef.setInput('settings', { containerRegistryUrl: BASE, bootstrapCertificates: [], nodeCertificates: [] });
    fixture.componentRef.setInput('vcdKeConfig', vcdKeConfig(noProxy));
    fixture.detectChanges();
    answerVersions(backend);
    backend.expectOne((request) => request.url === `${ROOT}/entityTypes`).flush({ values: [{ id: STATUS_TYPE_ID }] });
    backend
      .expectOne((request) => request.url === `${ROOT}/entities/types/cseairgap/registryStatus/1.0.0`)
      .flush({ page: 1, pageCount: 1, pageSize: 128, resultTotal: 1, values: [{ id: STATUS_ID }] });
    backend
      .expectOne(`${ROOT}/entities/${STATUS_ID}`)
      .flush({ id: STATUS_ID, name: 'system', entityType: STATUS_TYPE_ID, entity: status }, { headers: { ETag: '"1"' } });
    // VCD's public address is an IP literal: no lookup through testConnection is needed.
    backend.expectOne('https://vcd.example.com/api/admin/extension/settings/general').flush({ restApiBaseUri: 'https://10.1.0.4' });
    for (let i = 0; i < 5; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve, 10));
      fixture.detectChanges();
    }
  }

  afterEach(() => backend.verify());

  it('asks for a manual check of the Bootstrap VM components and warns that the proxy catches the registry', async () => {
    await open('.corp.example,10.0.0.0/8', { scope: 'system', lastRegistryCheck: check('10.0.0.5') });

    expect(page.levelOf('bootstrapVm')).toBe('manual');
    expect(page.textOf('bootstrapVm')).toContain('kind v0.19.0, kindest/node v1.27.1');
    expect(page.levelOf('bootstrapProxy')).toBe('attention');
    expect(page.textOf('bootstrapProxy')).toContain('harbor.corp.local');
    expect(page.text()).not.toContain('s3cret');
    expect(page.levelOf('bridgeNetworks')).toBe('ready');
  });

  it('warns when the registry resolves into the Docker bridge networks, and explains where these lines come from', async () => {
    await open('corp.local,10.0.0.0/8', { scope: 'system', lastRegistryCheck: check('172.18.0.7') });

    expect(page.levelOf('bootstrapProxy')).toBe('ready');
    expect(page.levelOf('bridgeNetworks')).toBe('attention');
    expect(page.textOf('bridgeNetworks')).toContain('readiness.bridgeNetworks.inBridge.registry');
    page.openBootstrapNote();
    fixture.detectChanges();
    expect(page.text()).toContain('readiness.note.bootstrap');
  });

  it('shows "saved, restart pending" until the provider marks the restart done', async () => {
    const pending = new MemoryStorage({
      [SETTINGS_KEY]: JSON.stringify({ registryRestart: { url: BASE, savedAt: '2026-03-01T09:00:00.000Z' } }),
    });
    await open('corp.local', { scope: 'system' }, pending);
    expect(page.levelOf('registryUrl')).toBe('attention');
    expect(page.textOf('registryUrl')).toContain('readiness.registryUrl.restartPending');

    page.markRestartDone();
    fixture.detectChanges();
    expect(storage.json(SETTINGS_KEY)).toEqual({
      registryRestart: { url: BASE, savedAt: '2026-03-01T09:00:00.000Z', restartDoneAt: jasmine.any(String) },
    });
    expect(page.levelOf('registryUrl')).toBe('ready');
    expect(page.hasRestartDone()).toBeFalse();
  });
});
