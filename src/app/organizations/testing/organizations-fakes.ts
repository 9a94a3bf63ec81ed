/*
 * Scriptable doubles of the Organizations data services for component specs: they record what
 * they were asked and answer as the spec tells them.
 */
import { Observable, Subject, of } from 'rxjs';
import { CseConfigDocument } from '../../shared/cse-config';
import { TenantAccessState } from '../data/tenant-access.service';
import { OrgRowsPage } from '../data/organizations.service';
import { OrgCheckProgress } from '../domain/org-check-progress';
import { OrgPageQuery } from '../domain/org-grid-query';
import { OrgSummary, orgRow } from '../domain/org-row';

export const ACME: OrgSummary = { id: 'urn:vcloud:org:acme', name: 'acme', displayName: 'ACME Corporation', isEnabled: true };
export const GLOBEX: OrgSummary = { id: 'urn:vcloud:org:globex', name: 'globex', displayName: 'globex', isEnabled: true };

export const CONFIG_DOCUMENT: CseConfigDocument = {
  entity: { id: 'urn:vcloud:entity:vmware:VCDKEConfig:1', entityType: 'x', name: 'vcdKeConfig', entity: {} },
  etag: '"1"',
  settings: { containerRegistryUrl: 'harbor.example.com/cse', bootstrapCertificates: [], nodeCertificates: [] },
};

/** Rights to add: neither the bundle nor the role has the View right yet. */
export const ACCESS_PLAN: Extract<TenantAccessState, { kind: 'plan' }> = {
  kind: 'plan',
  right: { name: 'cseairgap:registryStatus: View', id: 'r' },
  bundle: { id: 'b', name: 'Default Rights Bundle', publishAll: true, hasRight: false },
  role: { id: 'g', name: 'Organization Administrator', hasRight: false },
};

/** Two organizations out of 5000: acme with a private registry, globex on the system one. */
export class FakeOrganizations {
  readonly queries: OrgPageQuery[] = [];
  readonly assigned: { org: string; base: string; by: string | undefined }[] = [];
  readonly unassigned: string[] = [];
  assignResult: Observable<unknown> = of({});
  now = new Date();

  rows(query: OrgPageQuery): Observable<OrgRowsPage> {
    this.queries.push(query);
    return of({
      total: 5000,
      rows: [
        orgRow(ACME, { scope: 'organization', orgId: ACME.id, registryBase: 'harbor.example.com/acme' }, this.now),
        orgRow(GLOBEX, undefined, this.now),
      ],
    });
  }

  assign(org: OrgSummary, base: string, by: string | undefined): Observable<unknown> {
    this.assigned.push({ org: org.name, base, by });
    return this.assignResult;
  }

  unassign(org: OrgSummary): Observable<void> {
    this.unassigned.push(org.name);
    return of(undefined);
  }
}

/** Checks that report only when the spec says so. */
export class FakeChecks {
  readonly runs: OrgSummary[][] = [];
  readonly progress = new Subject<OrgCheckProgress>();

  checkMany(orgs: readonly OrgSummary[]): Observable<OrgCheckProgress> {
    this.runs.push([...orgs]);
    return this.progress;
  }
}

export class FakeTenantAccess {
  readonly applied: TenantAccessState[] = [];
  state$: Observable<TenantAccessState> = of(ACCESS_PLAN);
  applyResult: Observable<TenantAccessState> = of({
    ...ACCESS_PLAN,
    bundle: { ...ACCESS_PLAN.bundle!, hasRight: true },
    role: { ...ACCESS_PLAN.role!, hasRight: true },
  });

  state(): Observable<TenantAccessState> {
    return this.state$;
  }

  apply(state: TenantAccessState): Observable<TenantAccessState> {
    this.applied.push(state);
    return this.applyResult;
  }
}
