/*
 * How the browser reaches the registry's HTTP API. Harbor sends no CORS headers, so a plug-in
 * goes through VCD's API-extension proxy (/ext-api/<prefix>/… → the external endpoint's rootUrl)
 * or through a CORS-answering proxy the provider runs ("direct").
 */
export type AccessPath = { readonly kind: 'extApi'; readonly prefix: string } | { readonly kind: 'direct'; readonly url: string };

export const EXTERNAL_ENDPOINT_VENDOR = 'cseairgap';
export const EXTERNAL_ENDPOINT_VERSION = '1.0.0';

/** The URL prefix the plug-in puts before `/v2/…` or `/api/v2.0/…`. */
export function accessBaseUrl(path: AccessPath, apiRootUrl: string): string {
  return path.kind === 'extApi' ? `${apiRootUrl}/ext-api/${path.prefix}` : path.url.replace(/\/+$/, '');
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
