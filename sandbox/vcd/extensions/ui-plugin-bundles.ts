// Where the stand-in keeps the zips uploaded through cloudapi/extensions/ui: one file per
// registration (`<uuid>.zip`) in a folder next to the state file, so a restart serves the same
// plug-ins, plus the unpacked form the portal serves. A new upload replaces the file atomically.
import { mkdtempSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPluginBytes, type LoadedPlugin } from '../../plugin-store.js';
import { uuidOf } from '../core/context.js';

export class UiPluginBundles {
  private readonly loaded = new Map<string, LoadedPlugin>();

  private constructor(readonly dir: string) {}

  /** Opens (and creates) `dir`, loading every zip already in it; `reset` empties it first. */
  static async open(dir: string, opts: { reset: boolean } = { reset: false }): Promise<UiPluginBundles> {
    if (opts.reset) await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const bundles = new UiPluginBundles(dir);
    for (const file of await readdir(dir)) {
      if (!file.endsWith('.zip')) continue;
      const uuid = file.slice(0, -'.zip'.length);
      try {
        bundles.loaded.set(uuid, loadPluginBytes(await readFile(path.join(dir, file)), file));
      } catch (error) {
        console.error(`sandbox: ignoring ${path.join(dir, file)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return bundles;
  }

  /** An empty throw-away store, for tests and for an API created without a folder. */
  static temporary(): UiPluginBundles {
    return new UiPluginBundles(mkdtempSync(path.join(tmpdir(), 'vcd-ui-plugins-')));
  }

  /** Checks the zip (throws with the reason if it is no plug-in), then stores it for `pluginId`. */
  async put(pluginId: string, zip: Uint8Array): Promise<LoadedPlugin> {
    const uuid = uuidOf(pluginId);
    const plugin = loadPluginBytes(zip, 'the uploaded file');
    const file = path.join(this.dir, `${uuid}.zip`);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, zip);
    await rename(temp, file);
    this.loaded.set(uuid, plugin);
    return plugin;
  }

  get(pluginId: string): LoadedPlugin | undefined {
    return this.loaded.get(uuidOf(pluginId));
  }

  async remove(pluginId: string): Promise<void> {
    const uuid = uuidOf(pluginId);
    this.loaded.delete(uuid);
    await rm(path.join(this.dir, `${uuid}.zip`), { force: true });
  }
}
