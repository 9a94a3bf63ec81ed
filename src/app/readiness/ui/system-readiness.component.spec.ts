import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { makeCa } from '../../certificates/testing/test-pki';

import { RegistryCheckRecord } from '../../registry/domain/registry-check';
import { RegistrySettings } from '../../shared/cse-config';
import { RegistryStatusRepository } from '../../shared/status-store/data/registry-status.repository';
import { RegistryStatus, STATUS_TYPE_ID } from '../../shared/status-store/domain/registry-status';
import { answerVersions, provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { ReadinessLine, ReadinessSection } from '../domain/readiness';
import { SystemReadinessComponent } from './system-readiness.component';
import { RestartMarkService } from '../../registry/data/restart-mark.service';
import { BrowserSettingsStore } from '../../shared/browser-settings';
import { provideBrowserStorage } from '../../shared/browser-settings/testing/memory-storage';
import { RegistryCheckState } from '../../shared/session-state';

const ROOT = 'https://vcd.example.com/cloudapi/1.0.0';
const STATUS_ID = 'urn:vcloud:entity:cseairgap:registryStatus:1';
const BASE = 'harbor.corp.local/cse';

function record(base: string, checkedAt = '2026-03-01T10:00:00.000Z'): RegistryCheckRecord {
  return {
    base,
    accessPath: { kind: 'extApi', prefix: 'harbor' },
    checkedAt,
    timeoutSeconds: 10,
    steps: (['connection', 'certificate', 'registryApi', 'harbor', 'project'] as const).map((id) => ({ id, verdict: 'passed' as const })),
    chain: [],
    verdict: 'passed',
  };
}

const DEPENDENCY_CHECK = {
  checkedAt: '2026-03-01T11:00:00.000Z',
  base: BASE,
  tkrs: [],
  outcome: 'done',
  elapsedMs: 5,
  counts: {},
  results: [
    ['present', 'a', `${BASE}/vmware-cloud-director/a:1`, 'capvcd'],
    ['missing', 'b', `${BASE}/tkg/b:1`, 'tkg'],
    ['present', 'c', `${BASE}/tanzu_cli/plugins/plugin-inventory:latest`, 'tanzuCli'],
  ],
};

describe('SystemReadinessComponent', () => {
  let fixture: ComponentFixture<SystemReadinessComponent>;
  let backend: HttpTestingController;
  let checkState: RegistryCheckState;

  async function open(settings: RegistrySettings): Promise<void> {
    TestBed.configureTestingModule({
      imports: [SystemReadinessComponent],
      providers: [
        ...provideVcdTesting(),
        RegistryStatusRepository,
        RegistryCheckState,
        { provide: TranslationService, useClass: MockTranslationService },
        BrowserSettingsStore,
        RestartMarkService,
        provideBrowserStorage(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    checkState = TestBed.inject(RegistryCheckState);
    fixture = TestBed.createComponent(SystemReadinessComponent);
    fixture.componentRef.setInput('settings', settings);
    fixture.detectChanges();
    answerVersions(backend);
  }

  function answerStatus(status: RegistryStatus | undefined, storageReady = true): void {
    backend.expectOne((request) => request.url === `${ROOT}/entityTypes`).flush({ values: storageReady ? [{ id: STATUS_TYPE_ID }] : [] });
    if (!storageReady) return;
    backend
      .expectOne((request) => request.url === `${ROOT}/entities/types/cseairgap/registryStatus/1.0.0`)
      .flush({ page: 1, pageCount: 1, pageSize: 128, resultTotal: status ? 1 : 0, values: status ? [{ id: STATUS_ID }] : [] });
    if (!status) return;
    backend
      .expectOne(`${ROOT}/entities/${STATUS_ID}`)
      .flush({ id: STATUS_ID, name: 'system', entityType: STATUS_TYPE_ID, entity: status }, { headers: { ETag: '"1"' } });
  }

  function answerPublicEndpoint(restApiBaseUri: string | null): void {
    backend.expectOne('https://vcd.example.com/api/admin/extension/settings/general').flush({ restApiBaseUri });
  }

  /** Lets the certificate proof (async WebCrypto) land, then renders. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve, 10));
      fixture.detectChanges();
    }
  }

  function line(id: ReadinessLine['id']): ReadinessLine | undefined {
    return fixture.componentInstance.lines().find((candidate) => candidate.id === id);
  }

  function renderedLevels(): Record<string, string> {
    const rows = (fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>('[data-test="readiness-line"]');
    return Object.fromEntries([...rows].map((row) => [row.dataset['line'] ?? '', row.dataset['level'] ?? '']));
  }

  afterEach(() => backend.verify());

  it("reads the system status entity and VCD's public address, and shows a line per prerequisite", async () => {
    const ca = await makeCa('Corp Root CA');
    await open({ containerRegistryUrl: BASE, bootstrapCertificates: [ca.pem], nodeCertificates: [ca.pem] });
    answerStatus({ scope: 'system', lastRegistryCheck: record(BASE), lastDependencyCheck: DEPENDENCY_CHECK });
    answerPublicEndpoint('https://vcd.corp.local');
    await settle();

    expect(renderedLevels()).toEqual({
      publicEndpoint: 'ready',
      registryUrl: 'ready',
      registryReachable: 'ready',
      projectPublic: 'ready',
      // the stored check served no chain: nothing to prove the lists against
      certificates: 'attention',
      dependencies: 'blocked',
      pluginInventory: 'ready',
    });
    expect(line('dependencies')?.message.params).toEqual({ present: 1, total: 2, count: 1 });
    expect(line('dependencies')?.checkedAt).toBe('2026-03-01T11:00:00.000Z');
    expect(line('publicEndpoint')?.message.params).toEqual({ url: 'https://vcd.corp.local' });
  });

  it('shows a stored check made for another registry URL as unknown', async () => {
    await open({ containerRegistryUrl: BASE, bootstrapCertificates: [], nodeCertificates: [] });
    answerStatus({ scope: 'system', lastRegistryCheck: record('old.corp.local/cse') });
    answerPublicEndpoint(null);
    await settle();

    expect(line('registryReachable')).toEqual(
      jasmine.objectContaining({
        level: 'unknown',
        message: { key: 'readiness.registryReachable.otherBase', params: { base: 'old.corp.local/cse' } },
      }),
    );
    expect(line('publicEndpoint')?.level).toBe('blocked');
    expect(line('certificates')?.level).toBe('blocked');
  });

  it('follows a registry check the user just ran on the page, without waiting for VCD', async () => {
    await open({ containerRegistryUrl: BASE, bootstrapCertificates: [], nodeCertificates: [] });
    answerStatus(undefined, false);
    answerPublicEndpoint('https://vcd.corp.local');
    await settle();
    expect(line('registryReachable')?.level).toBe('unknown');
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-test="readiness-no-storage"]')).not.toBeNull();

    checkState.record.set(record(BASE, '2026-03-02T08:00:00.000Z'));
    await settle();
    expect(line('registryReachable')).toEqual(jasmine.objectContaining({ level: 'ready', checkedAt: '2026-03-02T08:00:00.000Z' }));
  });

  it('reads everything again on Refresh, so that a dependency check just run shows', async () => {
    await open({ containerRegistryUrl: BASE, bootstrapCertificates: [], nodeCertificates: [] });
    answerStatus({ scope: 'system' });
    answerPublicEndpoint('https://vcd.corp.local');
    await settle();
    expect(line('dependencies')?.message.key).toBe('readiness.dependencies.never');

    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-test="readiness-refresh"]')?.click();
    answerStatus({ scope: 'system', lastDependencyCheck: DEPENDENCY_CHECK });
    answerPublicEndpoint('https://vcd.corp.local');
    await settle();
    expect(line('dependencies')?.level).toBe('blocked');
  });

  it('explains where to set the public addresses instead of navigating, and passes every other section on', async () => {
    await open({ containerRegistryUrl: BASE, bootstrapCertificates: [], nodeCertificates: [] });
    answerStatus({ scope: 'system' });
    answerPublicEndpoint(null);
    await settle();
    const opened: ReadinessSection[] = [];
    fixture.componentInstance.navigate.subscribe((section: ReadinessSection) => opened.push(section));
    const root = fixture.nativeElement as HTMLElement;
    const link = (id: string): HTMLButtonElement | null =>
      root.querySelector<HTMLButtonElement>(`[data-test="readiness-line"][data-line="${id}"] [data-test="readiness-link"]`);

    link('publicEndpoint')?.click();
    link('certificates')?.click();
    fixture.detectChanges();
    expect(opened).toEqual(['certificates']);
    expect(root.querySelector('[data-test="public-endpoint-note"]')?.textContent).toContain('readiness.note.publicEndpoint');
  });
});
