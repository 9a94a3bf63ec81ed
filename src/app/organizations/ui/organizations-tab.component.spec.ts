import { ComponentFixture, TestBed } from '@angular/core/testing';
import { NoopAnimationsModule } from '@angular/platform-browser/animations';
import { MockTranslationService, TranslationService } from '@vcd/i18n';
import { Observable, Subject, of, throwError } from 'rxjs';
import { PublicEndpointService } from '../../readiness/data/public-endpoint.service';
import { ExternalEndpointService } from '../../registry/data/external-endpoint.service';
import { HostUsers } from '../../registry/data/host-users';
import { ExternalEndpointPlan, externalEndpointPlan } from '../../registry/domain/endpoint-plan';
import { CseConfigDocument } from '../../shared/cse-config';
import { RegistryStatusRepository } from '../../shared/status-store/data/registry-status.repository';
import { CloudApiClient } from '../../vcd';
import { OrgCheckProgress, OrgCheckService } from '../data/org-check.service';
import { OrgGoneError, OrgPageQuery, OrgRowsPage, OrganizationsService } from '../data/organizations.service';
import { TenantAccessService, TenantAccessState } from '../data/tenant-access.service';
import { OrgSummary, orgRow } from '../domain/org-row';
import { OrganizationsTabComponent } from './organizations-tab.component';

const ACME: OrgSummary = { id: 'urn:vcloud:org:acme', name: 'acme', displayName: 'ACME Corporation', isEnabled: true };
const GLOBEX: OrgSummary = { id: 'urn:vcloud:org:globex', name: 'globex', displayName: 'globex', isEnabled: true };
const NOW = new Date();
const DOCUMENT: CseConfigDocument = {
  entity: { id: 'urn:vcloud:entity:vmware:VCDKEConfig:1', entityType: 'x', name: 'vcdKeConfig', entity: {} },
  etag: '"1"',
  settings: { containerRegistryUrl: 'harbor.example.com/cse', bootstrapCertificates: [], nodeCertificates: [] },
};
const PLAN: Extract<TenantAccessState, { kind: 'plan' }> = {
  kind: 'plan',
  right: { name: 'cseairgap:registryStatus: View', id: 'r' },
  bundle: { id: 'b', name: 'Default Rights Bundle', publishAll: true, hasRight: false },
  role: { id: 'g', name: 'Organization Administrator', hasRight: false },
};

class FakeOrganizations {
  queries: OrgPageQuery[] = [];
  assigned: { org: string; base: string }[] = [];
  assignResult: Observable<unknown> = of({});
  rows(query: OrgPageQuery): Observable<OrgRowsPage> {
    this.queries.push(query);
    return of({
      total: 5000,
      rows: [
        orgRow(ACME, { scope: 'organization', orgId: ACME.id, registryBase: 'harbor.example.com/acme' }, NOW),
        orgRow(GLOBEX, undefined, NOW),
      ],
    });
  }
  assign(org: OrgSummary, base: string): Observable<unknown> {
    this.assigned.push({ org: org.name, base });
    return this.assignResult;
  }
}

class FakeChecks {
  runs: OrgSummary[][] = [];
  progress = new Subject<OrgCheckProgress>();
  checkMany(orgs: readonly OrgSummary[]): Observable<OrgCheckProgress> {
    this.runs.push([...orgs]);
    return this.progress;
  }
}

class FakeAccess {
  applied: TenantAccessState[] = [];
  state(): Observable<TenantAccessState> {
    return of(PLAN);
  }
  apply(state: TenantAccessState): Observable<TenantAccessState> {
    this.applied.push(state);
    return of({ ...PLAN, bundle: { ...PLAN.bundle!, hasRight: true }, role: { ...PLAN.role!, hasRight: true } });
  }
}

describe('OrganizationsTabComponent', () => {
  let fixture: ComponentFixture<OrganizationsTabComponent>;
  let organizations: FakeOrganizations;
  let checks: FakeChecks;
  let access: FakeAccess;
  let endpoints: { asked: ExternalEndpointPlan[]; state: (plan: ExternalEndpointPlan) => Observable<{ kind: 'absent' }> };

  const el = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const query = (test: string): HTMLElement | null => el().querySelector(`[data-test="${test}"]`);
  const settle = async (): Promise<void> => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };

  beforeEach(async () => {
    organizations = new FakeOrganizations();
    checks = new FakeChecks();
    access = new FakeAccess();
    endpoints = {
      asked: [],
      state(plan) {
        this.asked.push(plan);
        return of({ kind: 'absent' });
      },
    };
    TestBed.configureTestingModule({
      imports: [OrganizationsTabComponent, NoopAnimationsModule],
      providers: [
        { provide: OrganizationsService, useValue: organizations },
        { provide: OrgCheckService, useValue: checks },
        { provide: TenantAccessService, useValue: access },
        { provide: RegistryStatusRepository, useValue: { storage: () => of('ready') } },
        { provide: CloudApiClient, useValue: { currentSession: () => of({ user: { name: 'administrator', id: 'u' } }) } },
        { provide: ExternalEndpointService, useValue: endpoints },
        { provide: HostUsers, useValue: { organizationsUsing: () => of({ orgNames: [], isTruncated: false }) } },
        { provide: TranslationService, useClass: MockTranslationService },
      ],
    });
    TestBed.overrideComponent(OrganizationsTabComponent, {
      set: {
        providers: [
          { provide: PublicEndpointService, useValue: { read: () => of({ checkedAt: '', state: 'configured', url: 'https://vcd' }) } },
        ],
      },
    });
    fixture = TestBed.createComponent(OrganizationsTabComponent);
    fixture.componentRef.setInput('document', DOCUMENT);
    await settle();
  });

  it('asks VCD for one page of organizations only, and shows each with its registry', async () => {
    expect(organizations.queries.length).toBeGreaterThan(0);
    expect(organizations.queries.every((query) => query.pageSize <= 100)).toBeTrue();
    const rows = el().querySelectorAll('clr-dg-row');
    expect(rows.length).toBe(2);
    expect(el().querySelector('clr-dg-row[data-org="acme"] [data-test="cell-registry"]')?.textContent).toContain('harbor.example.com/acme');
    expect(el().querySelector('clr-dg-row[data-org="globex"] [data-test="cell-registry"]')?.textContent).toContain('orgs.usesSystem');
    expect(query('orgs-range')?.textContent).toContain('orgs.range');
  });

  it('shows exactly what the tenant access setup changes, and applies it only once confirmed', async () => {
    expect(query('tenant-access-plan')?.textContent).toContain('orgs.access.bundleAdd');
    expect(query('tenant-access-plan')?.textContent).toContain('orgs.access.roleAdd');
    query('tenant-access-review')?.click();
    await settle();
    expect(access.applied.length).toBe(0);
    query('tenant-access-apply')?.click();
    await settle();
    expect(access.applied).toEqual([PLAN]);
    expect(query('tenant-access-ready')).not.toBeNull();
  });

  it('assigns a registry only once its URL is valid, and stores the canonical form', async () => {
    fixture.componentInstance.openAssign(fixture.componentInstance.page().rows[1]!);
    fixture.componentInstance.assignUrl.setValue('https://harbor.example.com/globex');
    await settle();
    expect(fixture.componentInstance.canAssign()).toBeFalse();
    fixture.componentInstance.assignUrl.setValue('Harbor.Example.com/globex');
    await settle();
    expect(fixture.componentInstance.canAssign()).toBeTrue();
    fixture.componentInstance.assign();
    await settle();
    expect(organizations.assigned).toEqual([{ org: 'globex', base: 'harbor.example.com/globex' }]);
    expect(query('orgs-notice')?.textContent).toContain('orgs.assigned');
  });

  it('shows how VCD will reach a registry on another host, and what setting that up creates', async () => {
    fixture.componentInstance.openAssign(fixture.componentInstance.page().rows[1]!);
    fixture.componentInstance.assignUrl.setValue('harbor2.example.com:8443/globex');
    await new Promise((resolve) => setTimeout(resolve, 450)); // the 400 ms typing debounce
    await settle();
    expect(endpoints.asked.map((plan) => plan.prefix)).toEqual([externalEndpointPlan('harbor2.example.com', 8443).prefix]);
    expect(document.querySelector('[data-test="ext-api-plan"]')?.textContent).toContain('registry.access.planEndpoint');
  });

  it('says so when the organization was deleted meanwhile, and reloads the page', async () => {
    organizations.assignResult = throwError(() => new OrgGoneError(GLOBEX));
    const before = organizations.queries.length;
    fixture.componentInstance.openAssign(fixture.componentInstance.page().rows[1]!);
    fixture.componentInstance.assignUrl.setValue('harbor.example.com/globex');
    fixture.componentInstance.assign();
    await settle();
    expect(query('orgs-notice')?.textContent).toContain('orgs.orgGone');
    expect(organizations.queries.length).toBeGreaterThan(before);
  });

  it('says how many organizations a cancelled run left unchecked', async () => {
    fixture.componentInstance.selected.set([...fixture.componentInstance.page().rows]);
    await settle();
    query('check-selected')?.click();
    await settle();
    checks.progress.next({ org: ACME, phase: 'done' });
    query('bulk-cancel')?.click();
    checks.progress.next({ org: GLOBEX, phase: 'cancelled' });
    checks.progress.complete();
    await settle();
    expect(query('bulk-summary')?.textContent).toContain('orgs.progressCancelled');
    expect(fixture.componentInstance.bulk()).toEqual(
      jasmine.objectContaining({ done: 1, failed: 0, total: 2, cancelled: true, finished: true }),
    );
  });

  it('checks the selected organizations with overall progress, and never leaves the bar running', async () => {
    fixture.componentInstance.selected.set([...fixture.componentInstance.page().rows]);
    await settle();
    query('check-selected')?.click();
    await settle();
    expect(checks.runs).toEqual([[ACME, GLOBEX]]);
    expect(query('bulk-progress')?.getAttribute('data-finished')).toBe('false');
    checks.progress.next({ org: ACME, phase: 'registry' });
    checks.progress.next({ org: ACME, phase: 'done' });
    checks.progress.next({ org: GLOBEX, phase: 'failed', error: new Error('boom') });
    await settle();
    expect(query('bulk-progress')?.textContent).toContain('orgs.progress');
    checks.progress.complete();
    await settle();
    expect(query('bulk-progress')?.getAttribute('data-finished')).toBe('true');
    expect(query('bulk-summary')).not.toBeNull();
    expect(query('orgs-notice')?.textContent).toContain('orgs.failed');
  });
});
