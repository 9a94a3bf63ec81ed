/*
 * The plug-ins the sandbox portal serves: each plugin.zip unpacked in memory, checked the way a
 * careful host would (the AMD bundle must need nothing the host does not provide).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { HOST_MODULE_NAMES } from './host/host-modules.js';
import type { PluginManifest } from './host/plugins.js';

export interface LoadedPlugin {
  readonly id: string;
  readonly baseUrl: string;
  readonly manifest: PluginManifest;
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly error?: string;
}

/** The dependency list of a plug-in builder bundle: define("Name", [deps…], factory). */
export function amdDependencies(bundle: string): { name: string; deps: string[] } | undefined {
  const match = /define\(\s*"([^"]+)"\s*,\s*(\[[^\]]*\])/.exec(bundle);
  if (!match) return undefined;
  return { name: match[1] ?? '', deps: JSON.parse(match[2] ?? '[]') as string[] };
}

export function unprovidedModules(deps: readonly string[]): string[] {
  return deps.filter((dep) => !HOST_MODULE_NAMES.includes(dep));
}

export async function loadPluginZip(zipPath: string): Promise<LoadedPlugin> {
  return loadPluginBytes(await readFile(zipPath), zipPath);
}

/** Unpacks and checks a plug-in zip; throws when it is no zip or has no readable manifest.json. */
export function loadPluginBytes(zip: Uint8Array, label: string): LoadedPlugin {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    throw new Error(`${label} is not a zip file (${error instanceof Error ? error.message : String(error)})`);
  }
  const files = new Map(Object.entries(entries));
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) throw new Error(`${label} has no manifest.json`);
  let manifest: PluginManifest;
  try {
    manifest = JSON.parse(strFromU8(manifestBytes)) as PluginManifest;
  } catch {
    throw new Error(`${label} has a manifest.json that is not JSON`);
  }
  if (typeof manifest.urn !== 'string' || typeof manifest.module !== 'string') {
    throw new Error(`${label} has a manifest.json without urn or module`);
  }
  // The id changes with the content, so a browser never runs a stale cached bundle.
  const id = `${manifest.urn.replace(/[^a-z0-9]+/gi, '-')}-${createHash('sha256').update(zip).digest('hex').slice(0, 12)}`;
  const bundle = files.get('bundle.js');
  const amd = bundle ? amdDependencies(strFromU8(bundle)) : undefined;
  let error: string | undefined;
  if (!amd) {
    error = 'bundle.js is missing or is not an AMD module';
  } else if (amd.name !== manifest.module) {
    error = `bundle.js defines ${amd.name}, manifest.json names module ${manifest.module}`;
  } else if (unprovidedModules(amd.deps).length > 0) {
    error = `bundle.js requires modules this VCD does not provide: ${unprovidedModules(amd.deps).join(', ')}`;
  }
  return { id, baseUrl: `/plugins/${id}`, manifest, files, ...(error ? { error } : {}) };
}
