/*
 * What vcdKeConfig says about the Bootstrap VM (profiles[0].bootstrapClusterConfig of
 * vmware:VCDKEConfig:1.1.0): its own components and versions, and its proxy. Read-only, tolerant:
 * a missing or mistyped field is absent, never a default the schema would apply.
 */
import type { ProxySettings } from './no-proxy';

/** The components in the order CSE's Bootstrap VM uses them. */
export const BOOTSTRAP_COMPONENTS = [
  'kind',
  'kindestNode',
  'clusterctl',
  'coreCapi',
  'bootstrapProvider',
  'controlPlaneProvider',
  'certManager',
] as const;
export type BootstrapComponent = (typeof BOOTSTRAP_COMPONENTS)[number];

export interface BootstrapComponentVersion {
  readonly component: BootstrapComponent;
  /** The provider's name where vcdKeConfig gives one (CAPBK, KCP). */
  readonly name?: string;
  readonly version: string;
}

export interface BootstrapConfig {
  readonly components: readonly BootstrapComponentVersion[];
  /** Only when at least one of the three values is set. */
  readonly proxy?: ProxySettings;
}

type Json = Readonly<Record<string, unknown>>;

function objectAt(value: unknown, key: string): Json | undefined {
  const child = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json)[key] : undefined;
  return typeof child === 'object' && child !== null && !Array.isArray(child) ? (child as Json) : undefined;
}

function textAt(value: Json | undefined, key: string): string | undefined {
  const text = value?.[key];
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

/** From the vcdKeConfig entity's body ({profiles: [...]}). */
export function readBootstrapConfig(vcdKeConfig: unknown): BootstrapConfig {
  const root = typeof vcdKeConfig === 'object' && vcdKeConfig !== null ? (vcdKeConfig as Json) : undefined;
  const profiles = root?.['profiles'];
  const profile = Array.isArray(profiles) ? (profiles[0] as unknown) : undefined;
  const bootstrap = objectAt(profile, 'bootstrapClusterConfig');
  const capi = objectAt(bootstrap, 'capiEcosystem');
  const provider = (key: string): Json | undefined => objectAt(capi, key);
  const entries: readonly [BootstrapComponent, string | undefined, string | undefined][] = [
    ['kind', textAt(bootstrap, 'kindVersion'), undefined],
    ['kindestNode', textAt(bootstrap, 'kindestNodeVersion'), undefined],
    ['clusterctl', textAt(objectAt(bootstrap, 'clusterctl'), 'version'), undefined],
    ['coreCapi', textAt(capi, 'coreCapiVersion'), undefined],
    ['bootstrapProvider', textAt(provider('bootstrapProvider'), 'version'), textAt(provider('bootstrapProvider'), 'name')],
    ['controlPlaneProvider', textAt(provider('controlPlaneProvider'), 'version'), textAt(provider('controlPlaneProvider'), 'name')],
    ['certManager', textAt(capi, 'certManagerVersion'), undefined],
  ];
  const components = entries.flatMap(([component, version, name]) =>
    version === undefined ? [] : [{ component, version, ...(name ? { name } : {}) }],
  );
  const proxyConfig = objectAt(bootstrap, 'proxyConfig');
  const proxy: ProxySettings = {
    ...optional('httpProxy', textAt(proxyConfig, 'httpProxy')),
    ...optional('httpsProxy', textAt(proxyConfig, 'httpsProxy')),
    ...optional('noProxy', textAt(proxyConfig, 'noProxy')),
  };
  return { components, ...(Object.keys(proxy).length > 0 ? { proxy } : {}) };
}

function optional(key: keyof ProxySettings, value: string | undefined): Partial<ProxySettings> {
  return value === undefined ? {} : { [key]: value };
}
