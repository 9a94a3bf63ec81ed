/*
 * The Docker bridge networks the Bootstrap VM creates while it builds a cluster: an address inside
 * one of them is unreachable from the bootstrap cluster (its traffic stays on the bridge). Sources
 * in docs/domain.md#bridge-networks: the CSE 4.2 prerequisites reserve 172.17.0.0/16 and 172.18.0.0/16;
 * kind's network takes fc00:f853:ccd:e793::/64 for IPv6. Pure.
 */
import { IpPrefix, parseCidr, parseIp, prefixContains } from './ip-address';

export type BridgeNetworkId = 'dockerDefault' | 'kindIpv4' | 'kindIpv6';

export interface BridgeNetwork {
  readonly id: BridgeNetworkId;
  readonly cidr: string;
}

export const BRIDGE_NETWORKS: readonly BridgeNetwork[] = [
  { id: 'dockerDefault', cidr: '172.17.0.0/16' },
  { id: 'kindIpv4', cidr: '172.18.0.0/16' },
  { id: 'kindIpv6', cidr: 'fc00:f853:ccd:e793::/64' },
];

const PREFIXES: readonly (readonly [BridgeNetwork, IpPrefix])[] = BRIDGE_NETWORKS.map((network) => {
  const prefix = parseCidr(network.cidr);
  if (!prefix) throw new Error(`Invalid bridge network data: ${network.cidr}`);
  return [network, prefix] as const;
});

/** The bridge network an address falls in; undefined for other addresses and for names. */
export function bridgeNetworkOf(address: string): BridgeNetwork | undefined {
  const ip = parseIp(address.replace(/^\[|\]$/g, ''));
  return ip ? PREFIXES.find(([, prefix]) => prefixContains(prefix, ip))?.[0] : undefined;
}
