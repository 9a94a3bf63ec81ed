/*
 * What tenant administrators need to read their organization's status entity, besides the share
 * itself: the type's View right must be in a rights bundle published to them, and in their role.
 * The plug-in shows exactly these two changes and makes them only when the system administrator
 * confirms; it only ever adds the one right (POST …/rights adds, it never replaces a list).
 */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, forkJoin, map, of, switchMap, throwError } from 'rxjs';
import { STATUS_VIEW_RIGHT } from '../../shared/status-store/domain';
import { EntityReference, Page, VCD_SESSION, toVcdError } from '../../vcd';

export const TENANT_ADMIN_ROLE = 'Organization Administrator';
export const DEFAULT_RIGHTS_BUNDLE = 'Default Rights Bundle';

interface RightsBundle {
  readonly id: string;
  readonly name: string;
  readonly publishAll?: boolean;
}

export interface AccessTarget {
  readonly id: string;
  readonly name: string;
  readonly hasRight: boolean;
}

export type TenantAccessState =
  /** The entity type (and so its rights) does not exist yet: set up storage first. */
  | { readonly kind: 'noRight' }
  | {
      readonly kind: 'plan';
      readonly right: EntityReference;
      /** Undefined: no rights bundle published to every tenant was found. */
      readonly bundle?: AccessTarget & { readonly publishAll: boolean };
      /** Undefined: VCD has no global role of that name. */
      readonly role?: AccessTarget;
    };

export function isTenantAccessReady(state: TenantAccessState | undefined): boolean {
  return state?.kind === 'plan' && state.bundle?.hasRight === true && state.role?.hasRight === true;
}

@Injectable()
export class TenantAccessService {
  private readonly http = inject(HttpClient);
  private readonly root = `${inject(VCD_SESSION).apiRootUrl}/cloudapi/1.0.0`;

  state(): Observable<TenantAccessState> {
    return this.first<EntityReference>('rights', `name==${STATUS_VIEW_RIGHT}`).pipe(
      switchMap((right) => {
        if (!right) return of<TenantAccessState>({ kind: 'noRight' });
        return forkJoin([this.bundle(right), this.role(right)]).pipe(
          map(([bundle, role]): TenantAccessState => ({ kind: 'plan', right, ...(bundle ? { bundle } : {}), ...(role ? { role } : {}) })),
        );
      }),
      catchError((error: unknown) => throwError(() => toVcdError(error))),
    );
  }

  /** Adds the right where it is missing, then reads the state again. */
  apply(state: TenantAccessState): Observable<TenantAccessState> {
    if (state.kind !== 'plan') return of(state);
    const body = { values: [{ name: state.right.name, id: state.right.id }] };
    const addToBundle: Observable<unknown> =
      state.bundle && !state.bundle.hasRight ? this.http.post(`${this.root}/rightsBundles/${state.bundle.id}/rights`, body) : of(null);
    const addToRole: Observable<unknown> =
      state.role && !state.role.hasRight ? this.http.post(`${this.root}/globalRoles/${state.role.id}/rights`, body) : of(null);
    // One after the other: the bundle first, so that the role never holds a right its tenants lack.
    return addToBundle.pipe(
      switchMap(() => addToRole),
      switchMap(() => this.state()),
      catchError((error: unknown) => throwError(() => toVcdError(error))),
    );
  }

  /** "Default Rights Bundle" when it exists, else the first bundle published to every tenant. */
  private bundle(right: EntityReference): Observable<(AccessTarget & { publishAll: boolean }) | undefined> {
    return this.http.get<Page<RightsBundle>>(`${this.root}/rightsBundles`, { params: { page: 1, pageSize: 128 } }).pipe(
      map((page) => page.values.find((bundle) => bundle.name === DEFAULT_RIGHTS_BUNDLE) ?? page.values.find((bundle) => bundle.publishAll)),
      switchMap((bundle) =>
        bundle
          ? this.holds(`rightsBundles/${bundle.id}/rights`, right).pipe(
              map((hasRight) => ({ id: bundle.id, name: bundle.name, publishAll: bundle.publishAll === true, hasRight })),
            )
          : of(undefined),
      ),
    );
  }

  private role(right: EntityReference): Observable<AccessTarget | undefined> {
    return this.first<EntityReference>('globalRoles', `name==${TENANT_ADMIN_ROLE}`).pipe(
      switchMap((role) =>
        role
          ? this.holds(`globalRoles/${role.id}/rights`, right).pipe(map((hasRight) => ({ id: role.id, name: role.name, hasRight })))
          : of(undefined),
      ),
    );
  }

  private holds(path: string, right: EntityReference): Observable<boolean> {
    return this.first<EntityReference>(path, `name==${right.name}`).pipe(
      map((found) => found?.id === right.id || found?.name === right.name),
    );
  }

  private first<T>(path: string, filter: string): Observable<T | undefined> {
    return this.http.get<Page<T>>(`${this.root}/${path}`, { params: { page: 1, pageSize: 1, filter } }).pipe(map((page) => page.values[0]));
  }
}
