/*
 * What VCD holds for one registry origin, judged against the plan: ready, to be completed, half
 * removed, refused (an endpoint of our name serves another registry), and whether 0.1.0's broad
 * filter is still in place. Pure: the service reads VCD, this decides.
 */
import { AccessPath } from './access-path';
import { canonicalOriginOfUrl } from './endpoint-naming';
import { ExternalEndpointPlan, FilterPurpose } from './endpoint-plan';

export interface EndpointRecord {
  readonly id: string;
  readonly name: string;
  readonly vendor: string;
  readonly version: string;
  readonly enabled: boolean;
  readonly rootUrl: string;
  readonly authorizationEnabled?: boolean | null;
  readonly description?: string | null;
}

export interface FilterRecord {
  readonly id: string;
  readonly urlPattern?: string;
}

/** What 0.1.0 left for this origin (same vendor, same rootUrl origin). */
export interface LegacyAccess {
  readonly endpoint: EndpointRecord;
  readonly prefix: string;
  /** The broad filter `/<prefix>/.*`, while it exists. */
  readonly broadFilterId?: string;
  /** Filters on that endpoint that 0.1.0 did not create. */
  readonly otherPatterns: readonly string[];
}

interface Common {
  readonly legacy?: LegacyAccess;
}

export type AccessState =
  | (Common & { readonly kind: 'absent' })
  | (Common & {
      readonly kind: 'ready';
      readonly endpoint: EndpointRecord;
      /** Filters on our endpoint that the plan does not have (someone added them): they widen access. */
      readonly foreignPatterns: readonly string[];
    })
  | (Common & {
      readonly kind: 'incomplete';
      readonly endpoint: EndpointRecord;
      readonly missing: readonly FilterPurpose[];
      /** `authorizationEnabled` is not explicitly false. */
      readonly authorizationNotOff: boolean;
      readonly foreignPatterns: readonly string[];
    })
  /** Disabled: only a removal disables it, so a removal stopped half-way. */
  | (Common & { readonly kind: 'removalIncomplete'; readonly endpoint: EndpointRecord; readonly remainingPatterns: readonly string[] })
  /** An endpoint of our name points at another registry: never repointed. */
  | { readonly kind: 'ownedByOther'; readonly endpoint: EndpointRecord };

export interface FoundInVcd {
  /** The endpoint of the plan's name, vendor and version, if any, and its filters. */
  readonly current?: { readonly endpoint: EndpointRecord; readonly filters: readonly FilterRecord[] };
  /** The endpoint of 0.1.0's name for this origin, if any, and its filters. */
  readonly legacy?: { readonly endpoint: EndpointRecord; readonly filters: readonly FilterRecord[] };
}

export function sameOrigin(endpoint: EndpointRecord, plan: ExternalEndpointPlan): boolean {
  return canonicalOriginOfUrl(endpoint.rootUrl) === plan.origin;
}

function legacyAccess(plan: ExternalEndpointPlan, found: FoundInVcd['legacy']): LegacyAccess | undefined {
  // Another origin's 0.1.0 endpoint (0.1.0 gave some origins one name): not this registry's.
  if (!found || !sameOrigin(found.endpoint, plan)) return undefined;
  const broad = found.filters.find((filter) => filter.urlPattern === plan.legacy.filterPattern);
  return {
    endpoint: found.endpoint,
    prefix: plan.legacy.prefix,
    ...(broad ? { broadFilterId: broad.id } : {}),
    otherPatterns: found.filters.filter((filter) => filter !== broad).map((filter) => filter.urlPattern ?? ''),
  };
}

export function judgeAccess(plan: ExternalEndpointPlan, found: FoundInVcd): AccessState {
  const legacy = legacyAccess(plan, found.legacy);
  const common = legacy ? { legacy } : {};
  const current = found.current;
  if (!current) return { kind: 'absent', ...common };
  const { endpoint, filters } = current;
  if (!sameOrigin(endpoint, plan)) return { kind: 'ownedByOther', endpoint };
  const planned = new Set(plan.filters.map((filter) => filter.urlPattern));
  const present = new Set(filters.map((filter) => filter.urlPattern ?? ''));
  const foreignPatterns = [...present].filter((pattern) => !planned.has(pattern));
  if (!endpoint.enabled) {
    return { kind: 'removalIncomplete', endpoint, remainingPatterns: [...present], ...common };
  }
  const missing = plan.filters.filter((filter) => !present.has(filter.urlPattern)).map((filter) => filter.purpose);
  const authorizationNotOff = endpoint.authorizationEnabled !== false;
  if (missing.length === 0 && !authorizationNotOff) return { kind: 'ready', endpoint, foreignPatterns, ...common };
  return { kind: 'incomplete', endpoint, missing, authorizationNotOff, foreignPatterns, ...common };
}

/** Whether 0.1.0's broad filter still serves this origin (enabled endpoint, filter in place). */
export function isLegacyUsable(legacy: LegacyAccess | undefined): legacy is LegacyAccess & { broadFilterId: string } {
  return legacy !== undefined && legacy.endpoint.enabled && legacy.broadFilterId !== undefined;
}

/**
 * The `/ext-api` prefix the checks use: ours once it is set up, 0.1.0's while only its broad
 * filter serves this origin (it keeps working until migrated), else ours (a check then says VCD
 * does not route it).
 */
export function usableAccessPath(plan: ExternalEndpointPlan, state: AccessState): AccessPath {
  if (state.kind !== 'ready' && state.kind !== 'ownedByOther' && isLegacyUsable(state.legacy)) {
    return { kind: 'extApi', prefix: state.legacy.prefix };
  }
  return { kind: 'extApi', prefix: plan.prefix };
}
