/* The plug-ins the sandbox serves, and how the portal mounts one: the VCD 10.6 way. */
import { Route } from '@angular/router';
import { EXTENSION_ASSET_URL, EXTENSION_ROUTE } from './vcd-common';
import { systemJs } from './system-registry';
import { Lang } from './session';

export interface PluginManifest {
  readonly urn: string;
  readonly name: string;
  readonly version: string;
  /** The VCD versions the plug-in claims, e.g. ["10.6"] (mandatory in VMware's plug-in documentation). */
  readonly productVersions?: readonly string[];
  readonly module: string;
  readonly route: string;
  readonly scope: readonly string[];
  readonly extensionPoints: readonly { type: string; name: string; description?: string; route?: string; module?: string }[];
  readonly locales?: Record<string, Record<string, string>>;
}

export interface ServedPlugin {
  readonly id: string;
  readonly baseUrl: string;
  readonly manifest: PluginManifest;
  /** Set when the sandbox refused the bundle (e.g. it requires a module the host lacks). */
  readonly error?: string;
}

/** The plug-ins this session's portal shows (scope, enabled, and for a tenant: published to its org). */
export async function listPlugins(jwt: string): Promise<ServedPlugin[]> {
  const response = await fetch('/sandbox/plugins', { headers: { Authorization: `Bearer ${jwt}` } });
  return response.ok ? ((await response.json()) as ServedPlugin[]) : [];
}

/** Resolves VCD's `%key%` placeholders from the manifest's locales, falling back to English. */
export function localized(manifest: PluginManifest, text: string, lang: Lang): string {
  const match = /^%(.+)%$/.exec(text);
  if (!match) return text;
  const key = match[1] ?? '';
  return manifest.locales?.[lang]?.[key] ?? manifest.locales?.['en']?.[key] ?? text;
}

export function pluginRoute(base: string, plugin: ServedPlugin): Route {
  const { manifest } = plugin;
  return {
    path: `${base}/${manifest.route}`,
    providers: [
      { provide: EXTENSION_ROUTE, useValue: manifest.route },
      // The plug-in reads `${EXTENSION_ASSET_URL}/../i18n.json`: one segment below the plug-in root.
      { provide: EXTENSION_ASSET_URL, useValue: `${plugin.baseUrl}/assets` },
    ],
    loadChildren: () =>
      systemJs()
        .import(`${plugin.baseUrl}/bundle.js`)
        .then((namespace) => {
          const module = namespace[manifest.module];
          if (!module) throw new Error(`bundle.js of ${manifest.name} exports no ${manifest.module}`);
          return module as never;
        }),
  };
}
