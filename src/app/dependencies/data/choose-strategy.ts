/*
 * Which presence strategy fits what the registry check found.
 *
 * - Harbor behind VCD's /ext-api → Harbor REST. VCD authenticates /ext-api calls with the
 *   request's own Authorization header, so a registry bearer token cannot ride along, and Harbor
 *   answers 401 to any token-less /v2 request, public project or not. Its REST API, though,
 *   answers anonymously for a public project — and lists tags per repository in one request.
 * - Direct access (a CORS proxy, or a registry reached as is) → OCI distribution: the page can
 *   send a registry token, it is exactly what a cluster node does (anonymous token, manifest by
 *   tag), it works for any registry, and the proxy need not expose Harbor's /api.
 * - Another registry behind /ext-api → OCI distribution too (it has no other API). That works
 *   when the registry needs no token; one that wants a token ends as `needsDirectAccess`.
 */
export type PresenceStrategy = 'harborRest' | 'ociDistribution';

export interface DetectedRegistry {
  /** Harbor's /api/v2.0/ping answered (the registry check's `harbor` step passed). */
  readonly harbor: boolean;
  readonly access: 'extApi' | 'direct';
}

export function chooseStrategy(detected: DetectedRegistry): PresenceStrategy {
  return detected.harbor && detected.access === 'extApi' ? 'harborRest' : 'ociDistribution';
}
