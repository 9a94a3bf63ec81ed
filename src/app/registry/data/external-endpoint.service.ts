/*
 * Creates, finds, migrates and removes what lets the browser reach one registry origin through
 * VCD (/ext-api): one external endpoint (authorizationEnabled explicitly false) and the plan's
 * narrow API filters. It only ever touches what the plug-in created: an endpoint of its name that
 * points at another registry is never repointed, and a filter it did not plan is never deleted.
 * Each step that changes VCD is named when it fails, so that a half-done change is visible and
 * can be retried; applying or removing twice changes nothing the second time.
 */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, defer, firstValueFrom, map, throwError } from 'rxjs';
import { Page, VCD_SESSION, VcdError, toVcdError } from '../../vcd';
import { AccessPath } from '../domain/access-path';
import { AccessState, EndpointRecord, FilterRecord, LegacyAccess, judgeAccess, usableAccessPath } from '../domain/access-state';
import { ExternalEndpointPlan } from '../domain/endpoint-plan';

interface ApiFilter {
  readonly id: string;
  readonly externalSystem: { readonly id: string; readonly name: string };
  readonly urlMatcher?: { readonly urlPattern: string; readonly urlScope: string } | null;
}

export type AccessStep =
  | 'createEndpoint'
  | 'updateEndpoint'
  | 'createFilter'
  | 'deleteFilter'
  | 'disableEndpoint'
  | 'deleteEndpoint'
  | 'deleteLegacyFilter'
  | 'disableLegacyEndpoint'
  | 'deleteLegacyEndpoint';

/** Why a change stopped. A read that fails is a plain VcdError. */
export type AccessChangeError =
  /** An endpoint of our name points at another registry: repointing it would send that registry's checks here. */
  | { readonly kind: 'ownedByOther'; readonly name: string; readonly rootUrl: string }
  /** Filters the plug-in did not create use our endpoint: it is left as it is. */
  | { readonly kind: 'otherFilters'; readonly patterns: readonly string[] }
  | { readonly kind: 'stepFailed'; readonly step: AccessStep; readonly cause: VcdError };

export function isAccessChangeError(value: unknown): value is AccessChangeError {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'ownedByOther' || kind === 'otherFilters' || kind === 'stepFailed';
}

const PAGE_SIZE = 128;

@Injectable()
export class ExternalEndpointService {
  private readonly http = inject(HttpClient);
  private readonly root = `${inject(VCD_SESSION).apiRootUrl}/cloudapi/1.0.0`;

  state(plan: ExternalEndpointPlan): Observable<AccessState> {
    return this.run(() => this.read(plan));
  }

  /** The `/ext-api` prefix the checks of this origin use now (0.1.0's while it is not migrated). */
  accessPathFor(plan: ExternalEndpointPlan): Observable<AccessPath> {
    return this.state(plan).pipe(map((state) => usableAccessPath(plan, state)));
  }

  /** Creates what is missing, enables the endpoint with authorization off; never repoints. */
  apply(plan: ExternalEndpointPlan): Observable<AccessState> {
    return this.run(async () => {
      await this.complete(plan, await this.read(plan));
      return this.read(plan);
    });
  }

  /** Sets up the narrow filters, then removes what 0.1.0 created for this origin (its broad filter first). */
  migrate(plan: ExternalEndpointPlan): Observable<AccessState> {
    return this.run(async () => {
      await this.complete(plan, await this.read(plan));
      const state = await this.read(plan);
      if (state.kind !== 'ownedByOther' && state.legacy) await this.removeLegacy(state.legacy);
      return this.read(plan);
    });
  }

  /** Deletes the planned filters, then disables and deletes the endpoint; 0.1.0's too. */
  remove(plan: ExternalEndpointPlan): Observable<AccessState> {
    return this.run(async () => {
      const state = await this.read(plan);
      if (state.kind === 'ownedByOther') throw this.ownedByOther(state.endpoint);
      if (state.kind !== 'absent') await this.removeOurs(plan, state.endpoint);
      if (state.legacy) await this.removeLegacy(state.legacy);
      return this.read(plan);
    });
  }

  private run<T>(work: () => Promise<T>): Observable<T> {
    return defer(work).pipe(catchError((error: unknown) => throwError(() => (isAccessChangeError(error) ? error : toVcdError(error)))));
  }

  private async read(plan: ExternalEndpointPlan): Promise<AccessState> {
    const { vendor, version } = plan.endpoint;
    const names = [plan.endpoint.name, plan.legacy.endpointName];
    const page = await firstValueFrom(
      this.http.get<Page<EndpointRecord>>(`${this.root}/externalEndpoints`, {
        params: { filter: names.map((name) => `vendor==${vendor};name==${name};version==${version}`).join(','), pageSize: PAGE_SIZE },
      }),
    );
    const named = (name: string): EndpointRecord | undefined =>
      page.values.find((endpoint) => endpoint.vendor === vendor && endpoint.name === name && endpoint.version === version);
    const withFilters = async (endpoint: EndpointRecord | undefined) =>
      endpoint ? { endpoint, filters: await this.filtersOf(endpoint.id) } : undefined;
    const [current, legacy] = await Promise.all([withFilters(named(plan.endpoint.name)), withFilters(named(plan.legacy.endpointName))]);
    return judgeAccess(plan, { ...(current ? { current } : {}), ...(legacy ? { legacy } : {}) });
  }

  private async filtersOf(endpointId: string): Promise<FilterRecord[]> {
    const page = await firstValueFrom(
      this.http.get<Page<ApiFilter>>(`${this.root}/apiFilters`, {
        params: { filter: `externalSystem.id==${endpointId}`, pageSize: PAGE_SIZE },
      }),
    );
    return page.values
      .filter((filter) => filter.externalSystem.id === endpointId)
      .map((filter) => ({ id: filter.id, ...(filter.urlMatcher ? { urlPattern: filter.urlMatcher.urlPattern } : {}) }));
  }

  private async complete(plan: ExternalEndpointPlan, state: AccessState): Promise<void> {
    if (state.kind === 'ownedByOther') throw this.ownedByOther(state.endpoint);
    let endpoint: EndpointRecord;
    let present: ReadonlySet<string>;
    if (state.kind === 'absent') {
      endpoint = await this.step('createEndpoint', this.http.post<EndpointRecord>(`${this.root}/externalEndpoints`, plan.endpoint));
      present = new Set();
    } else {
      endpoint = state.endpoint;
      present = new Set(state.kind === 'removalIncomplete' ? state.remainingPatterns : this.plannedPresent(plan, state));
      if (!endpoint.enabled || endpoint.authorizationEnabled !== false) {
        // rootUrl stays as it is: judgeAccess has checked that it is this registry's.
        const body = { ...endpoint, enabled: true, authorizationEnabled: false };
        await this.step('updateEndpoint', this.http.put(`${this.root}/externalEndpoints/${endpoint.id}`, body));
      }
    }
    for (const filter of plan.filters) {
      if (present.has(filter.urlPattern)) continue;
      const body = {
        externalSystem: { id: endpoint.id, name: endpoint.name },
        urlMatcher: { urlPattern: filter.urlPattern, urlScope: 'EXT_API' },
      };
      await this.step('createFilter', this.http.post(`${this.root}/apiFilters`, body));
    }
  }

  private plannedPresent(plan: ExternalEndpointPlan, state: Extract<AccessState, { kind: 'ready' | 'incomplete' }>): string[] {
    const missing = new Set(state.kind === 'incomplete' ? state.missing : []);
    return plan.filters.filter((filter) => !missing.has(filter.purpose)).map((filter) => filter.urlPattern);
  }

  private async removeOurs(plan: ExternalEndpointPlan, endpoint: EndpointRecord): Promise<void> {
    const filters = await this.filtersOf(endpoint.id);
    const planned = new Set(plan.filters.map((filter) => filter.urlPattern));
    const others = filters.filter((filter) => !planned.has(filter.urlPattern ?? ''));
    // Checked before anything changes: the endpoint cannot go while another filter uses it.
    if (others.length > 0)
      throw { kind: 'otherFilters', patterns: others.map((filter) => filter.urlPattern ?? '') } satisfies AccessChangeError;
    for (const filter of filters) await this.step('deleteFilter', this.http.delete(`${this.root}/apiFilters/${filter.id}`));
    await this.disableAndDelete(endpoint, 'disableEndpoint', 'deleteEndpoint');
  }

  private async removeLegacy(legacy: LegacyAccess): Promise<void> {
    if (legacy.broadFilterId) await this.step('deleteLegacyFilter', this.http.delete(`${this.root}/apiFilters/${legacy.broadFilterId}`));
    // Filters someone else added keep 0.1.0's endpoint: only its broad filter was ours to remove.
    if (legacy.otherPatterns.length === 0) await this.disableAndDelete(legacy.endpoint, 'disableLegacyEndpoint', 'deleteLegacyEndpoint');
  }

  /** VCD deletes only disabled endpoints. */
  private async disableAndDelete(endpoint: EndpointRecord, disable: AccessStep, remove: AccessStep): Promise<void> {
    if (endpoint.enabled) {
      await this.step(disable, this.http.put(`${this.root}/externalEndpoints/${endpoint.id}`, { ...endpoint, enabled: false }));
    }
    await this.step(remove, this.http.delete(`${this.root}/externalEndpoints/${endpoint.id}`));
  }

  private async step<T>(step: AccessStep, request: Observable<T>): Promise<T> {
    try {
      return await firstValueFrom(request);
    } catch (error) {
      throw { kind: 'stepFailed', step, cause: toVcdError(error) } satisfies AccessChangeError;
    }
  }

  private ownedByOther(endpoint: EndpointRecord): AccessChangeError {
    return { kind: 'ownedByOther', name: endpoint.name, rootUrl: endpoint.rootUrl };
  }
}
