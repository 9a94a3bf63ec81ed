/*
 * The organizations a provider manages and the private registry the plug-in keeps for each: one
 * status entity per organization, shared read-only with it (VCD's access control keeps every other
 * organization out). Pages are read from VCD as the grid asks for them: never the full list.
 */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, of, switchMap, throwError } from 'rxjs';
import { RegistryStatusRepository } from '../../shared/status-store';
import { RegistryStatus, orgStatusName } from '../../shared/status-store/domain';
import { Page, VCD_SESSION, isVcdError, toVcdError } from '../../vcd';
import { OrgPageQuery } from '../domain/org-grid-query';
import { OrgRow, OrgSummary, orgListFilter, orgRow } from '../domain/org-row';

export interface OrgRowsPage {
  readonly total: number;
  readonly rows: readonly OrgRow[];
}

/** The organization was deleted (or is no longer visible) since the grid was read. */
export class OrgGoneError extends Error {
  constructor(readonly org: OrgSummary) {
    super(`organization ${org.name} no longer exists`);
  }
}

export function isOrgGone(error: unknown): error is OrgGoneError {
  return error instanceof OrgGoneError;
}

@Injectable()
export class OrganizationsService {
  private readonly http = inject(HttpClient);
  private readonly statusStore = inject(RegistryStatusRepository);
  private readonly session = inject(VCD_SESSION);
  private readonly root = `${this.session.apiRootUrl}/cloudapi/1.0.0`;

  /** One page of organizations (System excluded), each joined with its status entity. */
  rows(query: OrgPageQuery, now = new Date()): Observable<OrgRowsPage> {
    const sort = query.sort ?? { by: 'name', reverse: false };
    const params = {
      page: query.page,
      pageSize: query.pageSize,
      filter: orgListFilter(query.search),
      [sort.reverse ? 'sortDesc' : 'sortAsc']: sort.by,
    };
    return this.http.get<Page<OrgSummary>>(`${this.root}/orgs`, { params }).pipe(
      catchError((error: unknown) => throwError(() => toVcdError(error))),
      switchMap((page) =>
        this.statusStore.list(page.values.map((org) => orgStatusName(org.id))).pipe(
          // No entity type yet (storage not set up) or no right on it: the organizations still show.
          catchError((error: unknown) => (isUnreadableType(error) ? of([]) : throwError(() => error))),
          map((entities) => {
            const byOrg = new Map(entities.map((entity) => [entity.entity.orgId, entity.entity]));
            return {
              total: page.resultTotal,
              rows: page.values.map((org) => orgRow(summaryOf(org), byOrg.get(org.id), now)),
            };
          }),
        ),
      ),
    );
  }

  /** The organization's status entity, if the plug-in keeps one. */
  status(org: OrgSummary): Observable<RegistryStatus | undefined> {
    return this.statusStore.find(orgStatusName(org.id)).pipe(map((found) => found?.entity.entity));
  }

  /**
   * Assigns (or changes) the organization's private registry base and shares its entity
   * read-only with it. An organization deleted meanwhile ends as OrgGoneError, and an entity
   * created for it is removed again: nothing is left behind for an organization that is gone.
   */
  assign(org: OrgSummary, base: string, by: string | undefined): Observable<RegistryStatus> {
    const change = (current: RegistryStatus): RegistryStatus => ({
      ...current,
      scope: 'organization',
      orgId: org.id,
      orgName: org.name,
      registryBase: base,
      assignedAt: new Date().toISOString(),
      ...(by ? { assignedBy: by } : {}),
    });
    return this.save(org, change);
  }

  /** Lets (or stops letting) the organization's administrator re-run the dependency check. */
  setTenantRecheck(org: OrgSummary, allowed: boolean): Observable<RegistryStatus> {
    return this.save(org, (current) => ({ ...current, tenantRecheck: allowed }));
  }

  /** Stores the organization's entity with `change` applied and makes sure it is shared with it. */
  save(org: OrgSummary, change: (current: RegistryStatus) => RegistryStatus): Observable<RegistryStatus> {
    const initial: RegistryStatus = { scope: 'organization', orgId: org.id, orgName: org.name };
    return this.requireOrg(org).pipe(
      switchMap(() => this.statusStore.write(orgStatusName(org.id), initial, change)),
      switchMap((entity) =>
        this.statusStore.shareReadOnly(entity.id, org.id).pipe(
          map(() => entity.entity),
          catchError((error: unknown) => this.undoForGoneOrg(org, error)),
        ),
      ),
    );
  }

  /** Removes the assignment: the entity goes, and with it its sharing. */
  unassign(org: OrgSummary): Observable<void> {
    return this.statusStore.remove(orgStatusName(org.id));
  }

  /** Whether VCD still lists the organization (403 is how VCD answers for one that does not exist). */
  private exists(org: OrgSummary): Observable<boolean> {
    return this.http.get(`${this.root}/orgs/${org.id}`).pipe(
      map(() => true),
      catchError((error: unknown) => {
        const vcd = toVcdError(error);
        return vcd.kind === 'forbidden' || vcd.kind === 'not-found' ? of(false) : throwError(() => vcd);
      }),
    );
  }

  private requireOrg(org: OrgSummary): Observable<void> {
    return this.exists(org).pipe(switchMap((exists) => (exists ? of(undefined) : throwError(() => new OrgGoneError(org)))));
  }

  /** Sharing failed: if the organization is gone, remove the entity written for it and say so. */
  private undoForGoneOrg(org: OrgSummary, error: unknown): Observable<never> {
    return this.exists(org).pipe(
      switchMap((exists) =>
        exists
          ? throwError(() => error)
          : this.unassign(org).pipe(
              catchError(() => of(undefined)),
              switchMap(() => throwError(() => new OrgGoneError(org))),
            ),
      ),
    );
  }
}

function isUnreadableType(error: unknown): boolean {
  return isVcdError(error) && (error.kind === 'invalid' || error.kind === 'not-found' || error.kind === 'forbidden');
}

function summaryOf(org: OrgSummary): OrgSummary {
  return { id: org.id, name: org.name, displayName: org.displayName || org.name, isEnabled: org.isEnabled !== false };
}
