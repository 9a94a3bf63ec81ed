/*
 * Creates, finds and removes the VCD external endpoint + API filter that let the plug-in reach a
 * registry's API through VCD (/ext-api). Idempotent: applying twice changes nothing the second time.
 */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, concatMap, forkJoin, map, of, switchMap, throwError } from 'rxjs';
import { Page, VCD_SESSION, toVcdError } from '../../vcd';
import { ExternalEndpointPlan } from '../domain/access-path';

interface ExternalEndpoint {
  readonly id: string;
  readonly name: string;
  readonly vendor: string;
  readonly version: string;
  readonly enabled: boolean;
  readonly rootUrl: string;
  readonly description?: string;
}

interface ApiFilter {
  readonly id: string;
  readonly externalSystem: { readonly id: string; readonly name: string };
  readonly urlMatcher?: { readonly urlPattern: string; readonly urlScope: string };
}

export type AccessSetupState =
  | { readonly kind: 'absent' }
  /** Both exist and match the plan. */
  | { readonly kind: 'ready'; readonly endpointId: string; readonly filterId: string }
  /** Something exists but differs (disabled, another root URL, no filter). Applying repairs it. */
  | { readonly kind: 'partial'; readonly endpointId?: string; readonly problems: readonly string[] };

@Injectable()
export class ExternalEndpointService {
  private readonly http = inject(HttpClient);
  private readonly root = `${inject(VCD_SESSION).apiRootUrl}/cloudapi/1.0.0`;

  state(plan: ExternalEndpointPlan): Observable<AccessSetupState> {
    return this.findEndpoint(plan).pipe(
      switchMap((endpoint) =>
        endpoint
          ? this.filtersOf(endpoint.id).pipe(map((filters) => this.judge(plan, endpoint, filters)))
          : of<AccessSetupState>({ kind: 'absent' }),
      ),
      catchError((error: unknown) => throwError(() => toVcdError(error))),
    );
  }

  /** Creates what is missing and repairs what differs; returns the resulting state. */
  apply(plan: ExternalEndpointPlan): Observable<AccessSetupState> {
    return this.findEndpoint(plan).pipe(
      switchMap((existing) => {
        if (!existing) return this.http.post<ExternalEndpoint>(`${this.root}/externalEndpoints`, plan.endpoint);
        if (existing.rootUrl === plan.endpoint.rootUrl && existing.enabled) return of(existing);
        return this.http.put<ExternalEndpoint>(`${this.root}/externalEndpoints/${existing.id}`, {
          ...existing,
          rootUrl: plan.endpoint.rootUrl,
          enabled: true,
        });
      }),
      switchMap((endpoint) =>
        this.filtersOf(endpoint.id).pipe(
          switchMap((filters) =>
            filters.some((filter) => filter.urlMatcher?.urlPattern === plan.filterPattern)
              ? of(null)
              : this.http.post(`${this.root}/apiFilters`, {
                  externalSystem: { id: endpoint.id, name: endpoint.name },
                  urlMatcher: { urlPattern: plan.filterPattern, urlScope: 'EXT_API' },
                }),
          ),
        ),
      ),
      switchMap(() => this.state(plan)),
      catchError((error: unknown) => throwError(() => toVcdError(error))),
    );
  }

  /** Deletes the filters, disables the endpoint (VCD deletes only disabled ones), deletes it. */
  remove(plan: ExternalEndpointPlan): Observable<AccessSetupState> {
    return this.findEndpoint(plan).pipe(
      switchMap((endpoint) => {
        if (!endpoint) return of(null);
        return this.filtersOf(endpoint.id).pipe(
          switchMap((filters) =>
            filters.length ? forkJoin(filters.map((filter) => this.http.delete(`${this.root}/apiFilters/${filter.id}`))) : of([]),
          ),
          concatMap(() =>
            endpoint.enabled ? this.http.put(`${this.root}/externalEndpoints/${endpoint.id}`, { ...endpoint, enabled: false }) : of(null),
          ),
          concatMap(() => this.http.delete(`${this.root}/externalEndpoints/${endpoint.id}`)),
        );
      }),
      map((): AccessSetupState => ({ kind: 'absent' })),
      catchError((error: unknown) => throwError(() => toVcdError(error))),
    );
  }

  private findEndpoint(plan: ExternalEndpointPlan): Observable<ExternalEndpoint | undefined> {
    const { vendor, name, version } = plan.endpoint;
    return this.http
      .get<
        Page<ExternalEndpoint>
      >(`${this.root}/externalEndpoints`, { params: { filter: `vendor==${vendor};name==${name};version==${version}`, pageSize: 128 } })
      .pipe(
        map((page) => page.values.find((endpoint) => endpoint.vendor === vendor && endpoint.name === name && endpoint.version === version)),
      );
  }

  private filtersOf(endpointId: string): Observable<readonly ApiFilter[]> {
    return this.http
      .get<Page<ApiFilter>>(`${this.root}/apiFilters`, { params: { filter: `externalSystem.id==${endpointId}`, pageSize: 128 } })
      .pipe(map((page) => page.values.filter((filter) => filter.externalSystem.id === endpointId)));
  }

  private judge(plan: ExternalEndpointPlan, endpoint: ExternalEndpoint, filters: readonly ApiFilter[]): AccessSetupState {
    const problems: string[] = [];
    if (!endpoint.enabled) problems.push('disabled');
    if (endpoint.rootUrl !== plan.endpoint.rootUrl) problems.push('rootUrl');
    const filter = filters.find((candidate) => candidate.urlMatcher?.urlPattern === plan.filterPattern);
    if (!filter) problems.push('noFilter');
    return filter && problems.length === 0
      ? { kind: 'ready', endpointId: endpoint.id, filterId: filter.id }
      : { kind: 'partial', endpointId: endpoint.id, problems };
  }
}
