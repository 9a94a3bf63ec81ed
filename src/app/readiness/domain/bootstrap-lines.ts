/*
 * The readiness lines about the Bootstrap VM: the components vcdKeConfig configures for it (a
 * manual check: where CSE's airgapped bootstrap gets them is not public), whether its proxy is
 * bypassed for the registry and VCD (Go's NO_PROXY rules), and whether those addresses fall in the
 * Docker bridge networks it creates. docs/domain.md#bootstrap-vm. Pure.
 */
import { type RegistryCheckRecord, validateRegistryUrl } from '../../registry/domain';
import { BootstrapConfig } from './bootstrap-config';
import { BRIDGE_NETWORKS, bridgeNetworkOf } from './bridge-networks';
import { isLoopback, parseIp } from './ip-address';
import { ProxyTarget, proxyDecision, withoutCredentials } from './no-proxy';
import { noProxyNotes } from './no-proxy-notes';
import type { ReadinessLevel, ReadinessLine, ReadinessMessage } from './readiness';

export interface BootstrapInput {
  readonly config: BootstrapConfig;
  readonly registryBase: string | undefined;
  /** VCD's public API address (GeneralSettings.restApiBaseUri). */
  readonly vcdUrl: string | undefined;
  /** The registry check of registryBase, for the address VCD resolved the registry to. */
  readonly registryCheck: RegistryCheckRecord | undefined;
  /** The address VCD's public host resolves to, when it was looked up. */
  readonly vcdAddress?: string;
}

type Id = 'bootstrapVm' | 'bootstrapProxy' | 'bridgeNetworks';

/** The registry check's message when VCD's cell could not resolve the registry host. */
const CANNOT_RESOLVE = 'registry.check.connection.cannotResolve';

function line(id: Id, level: ReadinessLevel, key: string, params?: ReadinessMessage['params'], notes?: ReadinessMessage[]): ReadinessLine {
  return {
    id,
    level,
    section: 'bootstrap',
    message: { key: `readiness.${id}.${key}`, ...(params ? { params } : {}) },
    ...(notes && notes.length > 0 ? { notes } : {}),
  };
}

export function bootstrapLines(input: BootstrapInput): ReadinessLine[] {
  return [componentsLine(input.config), ...(input.config.proxy ? [proxyLine(input)] : []), bridgeLine(input)];
}

function componentsLine(config: BootstrapConfig): ReadinessLine {
  if (config.components.length === 0) return line('bootstrapVm', 'unknown', 'notConfigured');
  const components = config.components.map(({ component, name, version }) => `${LABELS[component]}${name ? ` (${name})` : ''} ${version}`);
  return line('bootstrapVm', 'manual', 'manual', { components: components.join(', ') });
}

/** Proper names, the same in every language. */
const LABELS: Readonly<Record<BootstrapConfig['components'][number]['component'], string>> = {
  kind: 'kind',
  kindestNode: 'kindest/node',
  clusterctl: 'clusterctl',
  coreCapi: 'Cluster API',
  bootstrapProvider: 'bootstrap provider',
  controlPlaneProvider: 'control plane provider',
  certManager: 'cert-manager',
};

function targetOf(url: string): ProxyTarget | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return {
      scheme: parsed.protocol === 'https:' ? 'https' : 'http',
      host: parsed.hostname.replace(/^\[|\]$/g, ''),
      ...(parsed.port ? { port: Number(parsed.port) } : {}),
    };
  } catch {
    return undefined;
  }
}

function proxyLine(input: BootstrapInput): ReadinessLine {
  const proxy = input.config.proxy ?? {};
  const registry = input.registryBase ? validateRegistryUrl(input.registryBase) : undefined;
  const targets = [
    ...(registry?.valid ? [targetOf(`https://${registry.parsed.host}${registry.parsed.port ? `:${registry.parsed.port}` : ''}`)] : []),
    ...(input.vcdUrl ? [targetOf(input.vcdUrl)] : []),
  ].filter((target): target is ProxyTarget => target !== undefined);
  const shown = withoutCredentials(proxy.httpsProxy ?? proxy.httpProxy ?? '');
  const notes = noProxyNotes(proxy.noProxy ?? '').map(({ code, entry }) => ({
    key: `readiness.bootstrapProxy.note.${code}`,
    params: { entry },
  }));
  const hostOf = (target: ProxyTarget): string => (target.host.includes(':') ? `[${target.host}]` : target.host);
  const proxied = targets.filter((target) => proxyDecision(proxy, target).kind === 'proxied').map(hostOf);
  if (proxied.length > 0) {
    return line('bootstrapProxy', 'attention', 'proxied', { hosts: proxied.join(', '), count: proxied.length, proxy: shown }, notes);
  }
  if (targets.length === 0) return line('bootstrapProxy', 'unknown', 'noTargets', { proxy: shown }, notes);
  return line('bootstrapProxy', 'ready', 'bypassed', { hosts: targets.map(hostOf).join(', '), proxy: shown }, notes);
}

/** The address VCD resolved the registry host to at the check (the connection step's detail). */
export function registryAddressOf(check: RegistryCheckRecord | undefined): string | undefined {
  const detail = check?.steps.find((step) => step.id === 'connection')?.detail;
  return detail && parseIp(detail) ? detail : undefined;
}

function bridgeLine(input: BootstrapInput): ReadinessLine {
  const networks = BRIDGE_NETWORKS.map((network) => network.cidr).join(', ');
  const sameBase = input.registryCheck?.base === input.registryBase ? input.registryCheck : undefined;
  const registryAddress = registryAddressOf(sameBase);
  const vcdHost = input.vcdUrl ? targetOf(input.vcdUrl)?.host : undefined;
  const vcdAddress = input.vcdAddress ?? (vcdHost && parseIp(vcdHost) ? vcdHost : undefined);
  const found = [
    ...(registryAddress ? [{ role: 'registry', address: registryAddress }] : []),
    ...(vcdAddress ? [{ role: 'vcd', address: vcdAddress }] : []),
  ];
  if (!registryAddress) {
    // VCD could not resolve the name: no address to compare, and saying "run the check" would be wrong.
    const connection = sameBase?.steps.find((step) => step.id === 'connection');
    return connection?.message?.key === CANNOT_RESOLVE
      ? line('bridgeNetworks', 'unknown', 'unresolved', { host: String(connection.message.params?.['host'] ?? ''), networks })
      : line('bridgeNetworks', 'unknown', 'notChecked', { networks });
  }
  const problems: ReadinessMessage[] = found.flatMap(({ role, address }) => {
    const ip = parseIp(address);
    if (ip && isLoopback(ip)) return [{ key: `readiness.bridgeNetworks.loopback.${role}`, params: { address } }];
    const network = bridgeNetworkOf(address);
    return network ? [{ key: `readiness.bridgeNetworks.inBridge.${role}`, params: { address, cidr: network.cidr, networks } }] : [];
  });
  const dns: ReadinessMessage = { key: 'readiness.bridgeNetworks.note.dnsManual', params: { networks } };
  const [first, ...rest] = problems;
  if (first) return { ...line('bridgeNetworks', 'attention', 'x'), message: first, notes: [...rest, dns] };
  const addresses = found.map(({ address }) => address).join(', ');
  return line('bridgeNetworks', 'ready', vcdAddress ? 'clear' : 'clearRegistryOnly', { addresses, networks }, [dns]);
}
