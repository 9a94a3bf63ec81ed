/*
 * Changing one field of CSE's configuration without touching the others, and explaining what
 * someone else changed when VCD refuses a write made from a stale copy (412).
 */
import { JsonObject, JsonValue } from './vcdke-config';

export class NoProfileError extends Error {
  constructor() {
    super('vcdKeConfig has no profiles[0]: CSE has not been configured');
  }
}

/** A change to CSE's configuration: returns a modified deep copy, never touches its input. */
export type ConfigChange = (config: JsonObject) => JsonObject;

function withProfile(config: JsonObject, edit: (profile: JsonObject) => void): JsonObject {
  const copy = structuredClone(config);
  const profiles = copy['profiles'];
  const profile = Array.isArray(profiles) ? profiles[0] : undefined;
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
    throw new NoProfileError();
  }
  edit(profile);
  return copy;
}

function objectAt(parent: JsonObject, key: string): JsonObject {
  const existing = parent[key];
  if (typeof existing === 'object' && existing !== null && !Array.isArray(existing)) return existing;
  const created: JsonObject = {};
  parent[key] = created;
  return created;
}

/** A deep copy of `config` with profiles[0].containerRegistryUrl = url; nothing else differs. */
export function withContainerRegistryUrl(config: JsonObject, url: string): JsonObject {
  return withProfile(config, (profile) => {
    profile['containerRegistryUrl'] = url;
  });
}

/** A deep copy with the two CA lists replaced (Bootstrap VM, cluster nodes); nothing else differs. */
export function withCertificateAuthorities(
  config: JsonObject,
  lists: { readonly bootstrap: readonly string[]; readonly nodes: readonly string[] },
): JsonObject {
  return withProfile(config, (profile) => {
    objectAt(profile, 'bootstrapClusterConfig')['certificateAuthorities'] = [...lists.bootstrap];
    objectAt(profile, 'K8Config')['certificateAuthorities'] = [...lists.nodes];
  });
}

export interface FieldChange {
  /** e.g. profiles[0].K8Config.certificateAuthorities[1] */
  readonly path: string;
  readonly before?: JsonValue;
  readonly after?: JsonValue;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** Every leaf that differs, in document order; an added or removed key is one change. */
export function diffJson(before: JsonValue | undefined, after: JsonValue | undefined, path = ''): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffJson(before[key], after[key], join(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) => diffJson(before[index], after[index], join(path, index))).flat();
  }
  if (JSON.stringify(before) === JSON.stringify(after)) {
    return [];
  }
  return [{ path: path || '(root)', ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) }];
}

export const REGISTRY_URL_PATH = 'profiles[0].containerRegistryUrl';
export const BOOTSTRAP_CAS_PATH = 'profiles[0].bootstrapClusterConfig.certificateAuthorities';
export const NODE_CAS_PATH = 'profiles[0].K8Config.certificateAuthorities';

/** Whether the other writer changed a field under one of `paths` (the fields the user is editing). */
export function touchesAny(changes: readonly FieldChange[], paths: readonly string[]): boolean {
  return changes.some((change) => paths.some((path) => change.path === path || change.path.startsWith(`${path}[`)));
}
