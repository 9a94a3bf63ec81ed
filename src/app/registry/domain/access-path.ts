/* How the browser reaches the registry's HTTP API: the shape lives with the status store, which keeps it. */
export type { AccessPath } from '../../shared/status-store/domain';
import type { AccessPath } from '../../shared/status-store/domain';

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
