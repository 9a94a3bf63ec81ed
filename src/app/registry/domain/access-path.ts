/*
 * How the browser reaches the registry's HTTP API. Harbor sends no CORS headers, so a plug-in
 * goes through VCD's API-extension proxy (/ext-api/<prefix>/… → the external endpoint's rootUrl)
 * or through a CORS-answering proxy the provider runs ("direct").
 */
export type AccessPath = { readonly kind: 'extApi'; readonly prefix: string } | { readonly kind: 'direct'; readonly url: string };

export const EXTERNAL_ENDPOINT_VENDOR = 'cseairgap';
export const EXTERNAL_ENDPOINT_VERSION = '1.0.0';

/** A stable, URL-safe name for one registry host: harbor.corp.local:8443 → harbor-corp-local-8443. */
export function registrySlug(host: string, port?: number): string {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return `${bare}${port ? `-${port}` : ''}`.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

export function extApiPrefix(host: string, port?: number): string {
  return `cseairgap-${registrySlug(host, port)}`;
}

/** The URL prefix the plug-in puts before `/v2/…` or `/api/v2.0/…`. */
export function accessBaseUrl(path: AccessPath, apiRootUrl: string): string {
  return path.kind === 'extApi' ? `${apiRootUrl}/ext-api/${path.prefix}` : path.url.replace(/\/+$/, '');
}

export interface ExternalEndpointPlan {
  readonly endpoint: {
    readonly name: string;
    readonly vendor: string;
    readonly version: string;
    readonly enabled: true;
    readonly rootUrl: string;
    readonly description: string;
  };
  readonly filterPattern: string;
  readonly prefix: string;
}

/** Exactly what the one-click setup creates in VCD for a registry, shown before it is created. */
export function externalEndpointPlan(host: string, port?: number): ExternalEndpointPlan {
  const prefix = extApiPrefix(host, port);
  return {
    endpoint: {
      name: `registry-${registrySlug(host, port)}`,
      vendor: EXTERNAL_ENDPOINT_VENDOR,
      version: EXTERNAL_ENDPOINT_VERSION,
      enabled: true,
      rootUrl: `https://${host}${port ? `:${port}` : ''}`,
      description: 'CSE Airgap: read-only access to the registry API for the plug-in (anonymous, no credentials)',
    },
    filterPattern: `/${prefix}/.*`,
    prefix,
  };
}

/** A direct URL must be https (the registry API is reached from a page served over https). */
export function isValidDirectUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password && !url.search && !url.hash;
  } catch {
    return false;
  }
}
