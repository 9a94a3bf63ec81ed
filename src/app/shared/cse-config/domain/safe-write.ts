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

/** A deep copy of `config` with profiles[0].containerRegistryUrl = url; nothing else differs. */
export function withContainerRegistryUrl(config: JsonObject, url: string): JsonObject {
  const copy = structuredClone(config);
  const profiles = copy['profiles'];
  const profile = Array.isArray(profiles) ? profiles[0] : undefined;
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
    throw new NoProfileError();
  }
  profile['containerRegistryUrl'] = url;
  return copy;
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

/** Whether the other writer changed the very field the user is editing. */
export function touchesRegistryUrl(changes: readonly FieldChange[]): boolean {
  return changes.some((change) => change.path === REGISTRY_URL_PATH);
}
