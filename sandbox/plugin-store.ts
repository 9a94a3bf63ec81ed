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
  const zip = await readFile(zipPath);
  const files = new Map(Object.entries(unzipSync(zip)));
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) throw new Error(`${zipPath} has no manifest.json`);
  const manifest = JSON.parse(strFromU8(manifestBytes)) as PluginManifest;
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
