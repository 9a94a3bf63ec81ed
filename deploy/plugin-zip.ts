// The plug-in zip as VCD's registration sees it: its manifest turned into UiPluginMetadata
// (go-vcloud-director's getPluginMetadata and vcd-ext-sdk's deployer map it the same way),
// and versions compared as major.minor.patch. The manifest's productVersions (the VCD versions
// the plug-in claims) is checked but not sent: UiPluginMetadata has no such field, VCD reads it
// from the uploaded manifest (docs/domain.md#plugin-platform).
import { strFromU8, unzipSync } from 'fflate';
import { FileLimitError, MAX_ZIP_BYTES, readLimitedFile } from './files.js';

export interface UiPluginMetadata {
  pluginName: string;
  vendor: string;
  description: string;
  version: string;
  license: string;
  link: string;
  tenant_scoped: boolean;
  provider_scoped: boolean;
  enabled: boolean;
}

export interface PluginZip {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly urn: string;
  readonly metadata: UiPluginMetadata;
  /** The VCD versions the manifest claims (`productVersions`), e.g. ["10.6"]; empty when it names none. */
  readonly productVersions: readonly string[];
}

const REQUIRED = ['urn', 'name', 'vendor', 'version', 'license', 'link'] as const;
/** A VCD release as manifests name it: "10.6" or "10.6.0". */
const PRODUCT_VERSION = /^\d+\.\d+(\.\d+)?$/;

function productVersionsOf(file: string, value: unknown): string[] {
  if (value === undefined) return [];
  const versions = Array.isArray(value) ? value : [];
  if (versions.length === 0 || !versions.every((entry) => typeof entry === 'string' && PRODUCT_VERSION.test(entry))) {
    throw new Error(`${file}: manifest.json productVersions must list VCD versions such as ["10.6"], got ${JSON.stringify(value)}`);
  }
  return versions as string[];
}

/** Reads and checks the zip; throws an Error whose message says what is wrong with it. */
export async function readPluginZip(file: string): Promise<PluginZip> {
  const bytes = await readLimitedFile(file, MAX_ZIP_BYTES).catch((error: unknown) => {
    throw error instanceof FileLimitError ? new Error(`${file} ${error.message}`) : error;
  });
  return pluginZipFrom(file, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** A manifest is a few KiB: a larger one (a zip bomb) is refused before it is inflated. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

export function pluginZipFrom(file: string, bytes: Uint8Array): PluginZip {
  let entries: Record<string, Uint8Array>;
  let manifestTooLarge = false;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name !== 'manifest.json') return false;
        manifestTooLarge = entry.originalSize > MAX_MANIFEST_BYTES;
        return !manifestTooLarge;
      },
    });
  } catch (error) {
    throw new Error(`${file} is not a zip file (${error instanceof Error ? error.message : String(error)})`);
  }
  if (manifestTooLarge) throw new Error(`${file}: manifest.json is larger than 1 MiB`);
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) throw new Error(`${file} has no manifest.json at its root`);
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(strFromU8(manifestBytes)) as Record<string, unknown>;
  } catch {
    throw new Error(`${file}: manifest.json is not valid JSON`);
  }
  for (const field of REQUIRED) {
    if (typeof manifest[field] !== 'string' || String(manifest[field]).trim() === '') {
      throw new Error(`${file}: manifest.json has no "${field}"`);
    }
  }
  const version = String(manifest['version']);
  if (!parseVersion(version)) throw new Error(`${file}: manifest.json version "${version}" is not major.minor.patch`);
  const scope = Array.isArray(manifest['scope']) ? manifest['scope'].map(String) : [];
  const productVersions = productVersionsOf(file, manifest['productVersions']);
  return {
    file,
    bytes,
    urn: String(manifest['urn']),
    productVersions,
    metadata: {
      pluginName: String(manifest['name']),
      vendor: String(manifest['vendor']),
      description: typeof manifest['description'] === 'string' ? manifest['description'] : '',
      version,
      license: String(manifest['license']),
      link: String(manifest['link']),
      tenant_scoped: scope.some((entry) => entry.includes('tenant')),
      provider_scoped: scope.some((entry) => entry.includes('provider')),
      enabled: true,
    },
  };
}

function parseVersion(version: string): { core: number[]; pre: string | null } | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
  if (!match) return undefined;
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre: match[4] ?? null };
}

/** < 0 when a is older than b, 0 when equal, > 0 when newer (semver precedence, build metadata ignored). */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right) return a.localeCompare(b);
  for (let i = 0; i < 3; i += 1) {
    const diff = (left.core[i] ?? 0) - (right.core[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (left.pre === right.pre) return 0;
  if (left.pre === null) return 1;
  if (right.pre === null) return -1;
  const l = left.pre.split('.');
  const r = right.pre.split('.');
  for (let i = 0; i < Math.max(l.length, r.length); i += 1) {
    const x = l[i];
    const y = r[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    const diff = numeric ? Number(x) - Number(y) : x.localeCompare(y);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
