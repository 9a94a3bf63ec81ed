/*
 * CSE's server configuration (the one `vcdKeConfig` RDE of type vmware:VCDKEConfig:1.1.0) and
 * the few fields this plug-in reads and edits. Everything else must round-trip untouched, so the
 * document stays a plain JSON value and is read through narrow accessors.
 */
import { EntityTypeRef } from '../../../vcd';

export const VCDKE_CONFIG_TYPE: EntityTypeRef = { vendor: 'vmware', nss: 'VCDKEConfig', version: '1.1.0' };
export const VCDKE_CONFIG_NAME = 'vcdKeConfig';
export const DEFAULT_CONTAINER_REGISTRY_URL = 'projects.registry.vmware.com';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The registry-related settings of profiles[0], as CSE uses them. */
export interface RegistrySettings {
  readonly containerRegistryUrl: string;
  /** bootstrapClusterConfig.certificateAuthorities: PEMs the Bootstrap VM trusts. */
  readonly bootstrapCertificates: readonly string[];
  /** K8Config.certificateAuthorities: PEMs every cluster node trusts. */
  readonly nodeCertificates: readonly string[];
}

function asObject(value: JsonValue | undefined): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}

function asStrings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Reads profiles[0]; a config without profiles reads as CSE's defaults. */
export function readRegistrySettings(config: JsonObject): RegistrySettings {
  const profiles = config['profiles'];
  const profile = Array.isArray(profiles) ? asObject(profiles[0]) : undefined;
  const url = profile?.['containerRegistryUrl'];
  return {
    containerRegistryUrl: typeof url === 'string' && url !== '' ? url : DEFAULT_CONTAINER_REGISTRY_URL,
    bootstrapCertificates: asStrings(asObject(profile?.['bootstrapClusterConfig'])?.['certificateAuthorities']),
    nodeCertificates: asStrings(asObject(profile?.['K8Config'])?.['certificateAuthorities']),
  };
}

/** What the search for the one `vcdKeConfig` entity found. */
export type CseConfigLookup =
  | { readonly kind: 'found'; readonly entityId: string; readonly settings: RegistrySettings }
  | { readonly kind: 'missing' }
  | { readonly kind: 'ambiguous'; readonly count: number };

export function lookupFromEntities(entities: readonly { id: string; entity: JsonObject }[]): CseConfigLookup {
  if (entities.length === 0) {
    return { kind: 'missing' };
  }
  if (entities.length > 1) {
    return { kind: 'ambiguous', count: entities.length };
  }
  const [only] = entities as [{ id: string; entity: JsonObject }];
  return { kind: 'found', entityId: only.id, settings: readRegistrySettings(only.entity) };
}
