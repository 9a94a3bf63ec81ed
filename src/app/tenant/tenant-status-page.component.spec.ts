import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslationService } from '../shared/i18n';
import { MockTranslationService } from '../shared/i18n/testing';
import { Observable, Subject, of } from 'rxjs';
import { PresenceCheckers } from '../dependencies/data/presence-checkers';
import { CheckEvent, CheckOptions, ImageToCheck } from '../dependencies/data/presence-check';
import { RegistryStatusRepository } from '../shared/status-store/data/registry-status.repository';
import { RegistryStatus, STATUS_TYPE_ID } from '../shared/status-store/domain/registry-status';
import { TENANT_SESSION, answerVersions, provideVcdTesting } from '../vcd/testing/vcd-testing';
import { TenantStatusPageComponent } from './tenant-status-page.component';

const ROOT = 'https://vcd.example.com/cloudapi/1.0.0';
const ENTITY_ID = 'urn:vcloud:entity:cseairgap:registryStatus:acme';
const BASE = 'harbor.example.com/acme';
const VIEW = 'cseairgap:registryStatus: View';
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));
const inDays = (days: number): string => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();

const STATUS: RegistryStatus = {
  scope: 'organization',
  orgId: TENANT_SESSION.orgId,
  orgName: 'acme',
  registryBase: BASE,
  checkedBase: BASE,
  accessPath: { kind: 'extApi', prefix: 'cseairgap-harbor-example-com' },
  lastRegistryCheck: {
    base: BASE,
    accessPath: { kind: 'extApi', prefix: 'cseairgap-harbor-example-com' },
    checkedAt: '2026-11-22T09:00:00.000Z',
    checkedBy: 'administrator',
    timeoutSeconds: 10,
    steps: [
      { id: 'connection', verdict: 'passed' },
      { id: 'certificate', verdict: 'passed' },
      { id: 'registryApi', verdict: 'passed' },
      { id: 'harbor', verdict: 'passed' },
      { id: 'project', verdict: 'failed', message: { key: 'registry.check.project.private' } },
    ],
    chain: [],
    harborVersion: '2.9.1',
    verdict: 'failed',
  },
  certificates: {
    checkedAt: '2026-11-22T09:00:00.000Z',
    nodes: [
      { subject: 'CN=Corp Root', notAfter: inDays(400), sha256Fingerprint: 'AA' },
      { subject: 'CN=Old Issuing CA', notAfter: inDays(10), sha256Fingerprint: 'BB' },
    ],
    bootstrapCount: 2,
    nodesProven: true,
    bootstrapProven: true,
  },
  lastDependencyCheck: {
    checkedAt: '2026-11-22T09:01:00.000Z',
    checkedBy: 'administrator',
    base: BASE,
    tkrs: [],
    outcome: 'done',
    elapsedMs: 900,
    results: [
      ['present', 'src/a:1', `${BASE}/vmware-cloud-director/a:1`, 'capvcd'],
      ['missing', 'src/b:1', `${BASE}/tkg/b:1`, 'tkg', 'missing.tagAbsent'],
    ],
  },
};

class FakeChecker {
  options?: CheckOptions;
  check(images: readonly ImageToCheck[], options: CheckOptions): Observable<CheckEvent> {
    this.options = options;
    const results: CheckEvent[] = images.map((image) => ({
      type: 'result',
      result: { status: 'present', image, manifestKind: 'manifest', digest: 'sha256:1' },
    }));
    return of(...results, { type: 'done', cancelled: false, partial: false, requests: images.length } as CheckEvent);
  }
}

describe('TenantStatusPageComponent', () => {
  let fixture: ComponentFixture<TenantStatusPageComponent>;
  let backend: HttpTestingController;
  let checker: FakeChecker;

  const text = (): string => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const query = (test: string): HTMLElement | null => (fixture.nativeElement as HTMLElement).querySelector(`[data-test="${test}"]`);
  const queryAll = (test: string): HTMLElement[] =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(`[data-test="${test}"]`));

  async function open(rights: string[], status: RegistryStatus | undefined, providerOnlyRoute = false): Promise<void> {
    checker = new FakeChecker();
    TestBed.configureTestingModule({
      imports: [TenantStatusPageComponent],
      providers: [
        ...provideVcdTesting(TENANT_SESSION),
        RegistryStatusRepository,
        { provide: PresenceCheckers, useValue: { forStrategy: () => checker } },
        { provide: TranslationService, useClass: MockTranslationService },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TenantStatusPageComponent);
    fixture.componentRef.setInput('providerOnlyRoute', providerOnlyRoute);
    fixture.detectChanges();
    answerVersions(backend);
    backend
      .expectOne(`${ROOT}/sessions/current`)
      .flush({ user: { name: 'acme-admin', id: 'u' }, roleRefs: [{ name: 'Organization Administrator', id: 'urn:vcloud:role:oa' }] });
    const list = backend.expectOne((request) => request.url === `${ROOT}/entities/types/cseairgap/registryStatus/1.0.0`);
    expect(list.request.params.get('filter')).toBe('name==org-acme');
    list.flush({ resultTotal: status ? 1 : 0, pageCount: 1, page: 1, pageSize: 128, values: status ? [{ id: ENTITY_ID }] : [] });
    await settle();
    backend
      .expectOne((request) => request.url.endsWith('/roles/urn:vcloud:role:oa/rights'))
      .flush({ resultTotal: rights.length, pageCount: 1, page: 1, pageSize: 128, values: rights.map((name) => ({ name, id: name })) });
    if (status) {
      backend
        .expectOne(`${ROOT}/entities/${ENTITY_ID}`)
        .flush({ id: ENTITY_ID, name: 'org-acme', entityType: STATUS_TYPE_ID, entity: status }, { headers: { ETag: '"1"' } });
    }
    await settle();
    fixture.detectChanges();
  }

  afterEach(() => backend.verify());

  it('shows the organization’s registry, its derived paths, the check, the trusted certificates and the images', async () => {
    await open([VIEW], STATUS);
    expect(query('tenant-base')?.textContent).toContain(BASE);
    expect(query('tenant-registry-kind')?.textContent).toContain('tenant.registry.private');
    // CSE 4.1/4.2 has one registry URL for every organization: the page never implies this project changes that.
    expect(query('tenant-private-meaning')?.textContent).toContain('tenant.registry.privateMeaning');
    expect(query('tenant-derived')?.textContent).toContain(`${BASE}/tkg`);
    expect(query('tenant-derived')?.textContent).toContain(`${BASE}/tanzu_cli/plugins/plugin-inventory:latest`);
    expect(query('tenant-step-project')?.getAttribute('data-verdict')).toBe('failed');
    expect(queryAll('tenant-certificate').length).toBe(2);
    expect(queryAll('tenant-certificate-soon').length).toBe(1);
    expect(query('dependencies-summary-missing')?.textContent?.trim()).toBe('1');
    expect(query('tenant-rerun-absent')).not.toBeNull();
    expect(query('tenant-rerun')).toBeNull();
    expect(text()).toContain('readiness');
  });

  it('shows no control that could change anything', async () => {
    await open([VIEW], STATUS);
    const buttons = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).map((button) => button.textContent ?? '');
    expect(buttons.some((label) => /save|assign|apply|orgs\./i.test(label))).toBeFalse();
  });

  it('tells a user without the View right what to ask for, and reads nothing more', async () => {
    await open(['Organization: View'], STATUS);
    expect(query('tenant-no-right')).not.toBeNull();
    expect(query('tenant-base')).toBeNull();
  });

  it('says the provider has not shared anything yet when there is no entity for the organization', async () => {
    await open([VIEW], undefined);
    expect(query('tenant-not-shared')).not.toBeNull();
  });

  it('ignores an entity of another organization, were VCD ever to show one', async () => {
    await open([VIEW], { ...STATUS, orgId: 'urn:vcloud:org:globex' });
    expect(query('tenant-not-shared')).not.toBeNull();
    expect(text()).not.toContain(BASE);
  });

  it('tells a tenant on the provider-only address that it is not his page', async () => {
    await open([VIEW], STATUS, true);
    expect(query('provider-only')).not.toBeNull();
    expect(query('tenant-base')).not.toBeNull();
  });

  it('re-runs the dependency check through /ext-api when the provider allows it, without writing to VCD', async () => {
    await open([VIEW], { ...STATUS, tenantRecheck: true });
    query('tenant-rerun')?.click();
    await settle();
    fixture.detectChanges();
    expect(checker.options?.access.baseUrl).toBe('https://vcd.example.com/ext-api/cseairgap-harbor-example-com');
    expect(checker.options?.access.project).toBe('acme');
    expect(query('tenant-rerun-done')).not.toBeNull();
    expect(query('dependencies-summary-missing')?.textContent?.trim()).toBe('0');
    backend.expectNone((request) => request.method !== 'GET');
  });

  it('marks a cancelled re-run as not kept, keeps the provider’s result, and writes nothing', async () => {
    await open([VIEW], { ...STATUS, tenantRecheck: true });
    spyOn(checker, 'check').and.callFake((images: readonly ImageToCheck[], options: CheckOptions) => {
      const events = new Subject<CheckEvent>();
      options.cancel?.subscribe(() => {
        events.next({ type: 'done', cancelled: true, partial: true, requests: 1 });
        events.complete();
      });
      setTimeout(() => {
        events.next({ type: 'result', result: { status: 'present', image: images[0]!, manifestKind: 'manifest', digest: 'sha256:1' } });
        events.next({ type: 'progress', done: 1, total: images.length, requests: 1 });
      });
      return events;
    });
    query('tenant-rerun')?.click();
    await settle();
    fixture.detectChanges();
    query('tenant-rerun-cancel')?.click();
    await settle();
    fixture.detectChanges();
    expect(query('tenant-rerun-done')).toBeNull();
    expect(query('dependencies-not-whole')?.textContent).toContain('dependencies.notice.cancelled');
    expect(query('dependencies-not-whole')?.textContent).toContain('dependencies.notice.previous');
    expect(query('dependencies-summary-present')?.textContent?.trim()).toBe('1');
    expect(query('dependencies-summary-pending')?.textContent?.trim()).toBe('1');
    backend.expectNone((request) => request.method !== 'GET');
  });
});
