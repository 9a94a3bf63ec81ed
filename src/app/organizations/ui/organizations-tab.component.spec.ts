import { TestBed, discardPeriodicTasks, fakeAsync, flush } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { Observable, of, throwError } from 'rxjs';
import { PublicEndpointService } from '../../readiness/data/public-endpoint.service';
import { ExternalEndpointService } from '../../registry/data/external-endpoint.service';
import { HostUsers } from '../../registry/data/host-users';
import { ExternalEndpointPlan, externalEndpointPlan } from '../../registry/domain/endpoint-plan';
import { RegistryStatusRepository } from '../../shared/status-store/data/registry-status.repository';
import { CloudApiClient } from '../../vcd';
import { OrgCheckService } from '../data/org-check.service';
import { OrgGoneError, OrganizationsService } from '../data/organizations.service';
import { TenantAccessService } from '../data/tenant-access.service';
import {
  ACCESS_PLAN,
  ACME,
  CONFIG_DOCUMENT,
  FakeChecks,
  FakeOrganizations,
  FakeTenantAccess,
  GLOBEX,
} from '../testing/organizations-fakes';
import { OrganizationsTabWidget } from '../testing/organizations-tab.widget';
import { ASSIGN_PLAN_DEBOUNCE_MS } from './assign-dialog.component';
import { OrganizationsTabComponent } from './organizations-tab.component';

describe('OrganizationsTabComponent', () => {
  let organizations: FakeOrganizations;
  let checks: FakeChecks;
  let access: FakeTenantAccess;
  let endpoints: { asked: ExternalEndpointPlan[]; state: (plan: ExternalEndpointPlan) => Observable<{ kind: 'absent' }> };

  beforeEach(() => {
    organizations = new FakeOrganizations();
    checks = new FakeChecks();
    access = new FakeTenantAccess();
    endpoints = {
      asked: [],
      state(plan) {
        this.asked.push(plan);
        return of({ kind: 'absent' });
      },
    };
    TestBed.configureTestingModule({
      imports: [OrganizationsTabComponent],
      providers: [
        provideNoopAnimations(),
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
    TestBed.overrideProvider(PublicEndpointService, {
      useValue: { read: () => of({ checkedAt: '', state: 'configured', url: 'https://vcd' }) },
    });
  });

  /** Opens the tab in fake time, lets the spec act and assert, then lets pending timers run out. */
  function withTab(scenario: (tab: OrganizationsTabWidget) => void): () => void {
    return fakeAsync(() => {
      const fixture = TestBed.createComponent(OrganizationsTabComponent);
      fixture.componentRef.setInput('document', CONFIG_DOCUMENT);
      const tab = new OrganizationsTabWidget(fixture);
      tab.settle();
      scenario(tab);
      flush();
      discardPeriodicTasks();
    });
  }

  it(
    'asks VCD for one page of organizations only, and shows each with its registry',
    withTab((tab) => {
      expect(organizations.queries.length).toBeGreaterThan(0);
      expect(organizations.queries.every((query) => query.pageSize <= 100)).toBeTrue();
      expect(tab.rowNames()).toEqual(['acme', 'globex']);
      expect(tab.cell('acme', 'cell-registry')).toContain('harbor.example.com/acme');
      expect(tab.cell('globex', 'cell-registry')).toContain('orgs.usesSystem');
      expect(tab.range()?.key).toBe('orgs.range');
      expect(tab.range()?.params).toEqual(jasmine.objectContaining({ total: 5000 }));
    }),
  );

  it(
    'shows exactly what the tenant access setup changes, and applies it only once confirmed',
    withTab((tab) => {
      expect(tab.tenantAccess.plan()).toContain('orgs.access.bundleAdd');
      expect(tab.tenantAccess.plan()).toContain('orgs.access.roleAdd');
      tab.tenantAccess.review();
      expect(access.applied.length).toBe(0);
      tab.tenantAccess.apply();
      expect(access.applied).toEqual([ACCESS_PLAN]);
      expect(tab.tenantAccess.isReady()).toBeTrue();
    }),
  );

  it(
    'assigns a registry only once its URL is valid, and stores the canonical form',
    withTab((tab) => {
      tab.rowAction('globex', 'assign');
      tab.assignDialog.typeUrl('https://harbor.example.com/globex');
      expect(tab.assignDialog.canSave()).toBeFalse();
      tab.assignDialog.typeUrl('Harbor.Example.com/globex');
      expect(tab.assignDialog.canSave()).toBeTrue();
      tab.assignDialog.save();
      expect(organizations.assigned).toEqual([{ org: 'globex', base: 'harbor.example.com/globex', by: 'administrator' }]);
      expect(tab.notice()).toEqual({ key: 'orgs.assigned', params: { org: 'globex', base: 'harbor.example.com/globex' } });
      expect(tab.assignDialog.isOpen()).toBeFalse();
    }),
  );

  it(
    'shows how VCD will reach a registry on another host once typing stops, and what setting that up creates',
    withTab((tab) => {
      tab.rowAction('globex', 'assign');
      tab.assignDialog.typeUrl('harbor2.example.com:8443/globex');
      tab.wait(ASSIGN_PLAN_DEBOUNCE_MS - 1);
      expect(endpoints.asked).toEqual([]);
      tab.wait(1);
      expect(endpoints.asked.map((plan) => plan.prefix)).toEqual([externalEndpointPlan('harbor2.example.com', 8443).prefix]);
      expect(tab.assignDialog.accessPlan()).toContain('registry.access.planEndpoint');
    }),
  );

  it(
    'says so when the organization was deleted meanwhile, and reloads the page',
    withTab((tab) => {
      organizations.assignResult = throwError(() => new OrgGoneError(GLOBEX));
      const before = organizations.queries.length;
      tab.rowAction('globex', 'assign');
      tab.assignDialog.typeUrl('harbor.example.com/globex');
      tab.assignDialog.save();
      expect(tab.notice()?.key).toBe('orgs.orgGone');
      expect(organizations.queries.length).toBeGreaterThan(before);
    }),
  );

  it(
    'removes an assignment once confirmed, and reloads the page',
    withTab((tab) => {
      const before = organizations.queries.length;
      tab.rowAction('acme', 'remove');
      expect(organizations.unassigned).toEqual([]);
      tab.confirmRemoval();
      expect(organizations.unassigned).toEqual(['acme']);
      expect(tab.notice()).toEqual({ key: 'orgs.removed', params: { org: 'acme' } });
      expect(organizations.queries.length).toBeGreaterThan(before);
    }),
  );

  it(
    'says how many organizations a cancelled run left unchecked',
    withTab((tab) => {
      tab.select('acme', 'globex');
      tab.checkSelected();
      checks.progress.next({ org: ACME, phase: 'done' });
      tab.bulkProgress.cancel();
      checks.progress.next({ org: GLOBEX, phase: 'cancelled' });
      checks.progress.complete();
      tab.settle();
      expect(tab.bulkProgress.isFinished()).toBeTrue();
      expect(tab.bulkProgress.summary()).toEqual({ key: 'orgs.progressDone', params: { done: 1, failed: 0 } });
      expect(tab.bulkProgress.skipped()).toEqual({ key: 'orgs.progressCancelled', params: { skipped: 1 } });
    }),
  );

  it(
    'checks the selected organizations with overall progress, and never leaves the bar running',
    withTab((tab) => {
      expect(tab.canCheckSelected()).toBeFalse();
      tab.select('acme', 'globex');
      tab.checkSelected();
      expect(checks.runs).toEqual([[ACME, GLOBEX]]);
      expect(tab.bulkProgress.isShown()).toBeTrue();
      expect(tab.bulkProgress.isFinished()).toBeFalse();
      expect(tab.canCheckSelected()).toBeFalse();
      checks.progress.next({ org: ACME, phase: 'registry' });
      checks.progress.next({ org: ACME, phase: 'done' });
      checks.progress.next({ org: GLOBEX, phase: 'failed', error: new Error('boom') });
      tab.settle();
      expect(tab.bulkProgress.counts()?.key).toBe('orgs.progress');
      checks.progress.complete();
      tab.settle();
      expect(tab.bulkProgress.isFinished()).toBeTrue();
      expect(tab.bulkProgress.summary()).toEqual({ key: 'orgs.progressDone', params: { done: 2, failed: 1 } });
      expect(tab.notice()).toEqual({ key: 'orgs.failed', params: { org: 'globex', detail: 'boom' } });
    }),
  );
});
