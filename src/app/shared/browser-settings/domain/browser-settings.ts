/*
 * The provider's choices this browser keeps for one VCD site: a JSON object of named sections in
 * localStorage, under a key namespaced by the plug-in and the VCD API root. Kept in the browser,
 * not in the plug-in's status entity: VCD makes an RDE type version immutable once entities of it
 * exist, so a new field in that schema would make every write of an older install fail
 * (docs/domain.md#browser-settings). Pure: the key, and reading what is stored.
 */

/** What a section's owner passes: the value if it has the expected shape, else undefined. */
export type SectionParser<T> = (value: unknown) => T | undefined;

/** More than this is not ours (a few short strings per section): it is not read, and is cleared. */
export const MAX_STORED_SETTINGS_CHARS = 4096;

export const BROWSER_SETTINGS_PREFIX = 'cse-airgap';

/** One key per VCD site: `cse-airgap:<api root>:settings` (no trailing slash in the root). */
export function browserSettingsKey(apiRootUrl: string): string {
  return `${BROWSER_SETTINGS_PREFIX}:${apiRootUrl.replace(/\/+$/, '')}:settings`;
}

export type StoredSettings = Readonly<Record<string, unknown>>;

/**
 * The stored object, or undefined when nothing is stored; 'unreadable' when something is stored
 * that is not a JSON object of sections within the size cap (the caller clears it).
 */
export function readStoredSettings(raw: string | null): StoredSettings | undefined | 'unreadable' {
  if (raw === null) return undefined;
  if (raw.length > MAX_STORED_SETTINGS_CHARS) return 'unreadable';
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'unreadable';
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as StoredSettings) : 'unreadable';
}

/** The object with `section` set to `value`, or removed when `value` is undefined. */
export function withSection(settings: StoredSettings | undefined, section: string, value: unknown): StoredSettings {
  const { [section]: _previous, ...rest } = settings ?? {};
  return value === undefined ? rest : { ...rest, [section]: value };
}

/** An ISO 8601 date-time as Date.toISOString writes it, or undefined. */
export function readIsoTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 40 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value)) return undefined;
  return Number.isNaN(Date.parse(value)) ? undefined : value;
}
