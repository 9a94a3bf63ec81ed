// The sandbox's own name resolution, a stand-in for a site's DNS: a name the sandbox answers for
// itself (the registry's alias, so that vcdKeConfig can name the registry by a host name as a real
// site does) and, optionally, the address testConnection reports for it (a test aid: the registry
// "resolves" into a Docker bridge network while the sandbox still connects to 127.0.0.1).

/** A reserved name (RFC 2606 .test) the sandbox registry's certificate also holds. */
export const SANDBOX_REGISTRY_ALIAS = 'harbor.sandbox.test';

export interface SandboxHost {
  /** Where connections really go. */
  readonly connectTo: string;
  /** What testConnection answers as `resolvedIp` (default: connectTo). */
  readonly reportAs?: string;
}

export type SandboxHosts = ReadonlyMap<string, SandboxHost>;

export function sandboxHosts(options: { readonly registryAddress?: string } = {}): SandboxHosts {
  return new Map([
    [SANDBOX_REGISTRY_ALIAS, { connectTo: '127.0.0.1', ...(options.registryAddress ? { reportAs: options.registryAddress } : {}) }],
  ]);
}
