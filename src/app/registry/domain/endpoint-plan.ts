/*
 * Exactly what the one-click setup creates in VCD for one registry origin, shown before it is
 * created: one external endpoint and one API filter per kind of request the checks make.
 *
 * How VCD maps a URL (cloud-director-extension-standard-library, "API extensibility via HTTP"): a
 * filter's urlPattern is a regular expression that must end with `.*`; what that final `.*`
 * matches is appended to the endpoint's rootUrl, and what the rest of the pattern matched is cut
 * (`/custom/test/.*` sends `…/custom/test/get/1` to `<rootUrl>/get/1`). A pattern such as
 * `/<prefix>/v2/.*` would therefore cut `v2/` too. So every pattern here matches only
 * `/<prefix>/` before the final `.*` and states the rest of the path in a lookahead, which
 * matches nothing: the path reaches the registry unchanged. Assumed (not documented): the cut
 * part is what the regular expression matched, as any regex-based implementation does; a
 * provider checks it with a header-echo endpoint (README, "Access model").
 *
 * Each lookahead pins a whole path with `$`: a repository name or tag grammar with no `%`, `..`
 * or other separator, so no request can walk out of the paths listed (`/v2/../api/v2.0/users`).
 * A query string is allowed only where the plug-in sends one (pages of a listing), whether VCD
 * matches the path alone or the path with its query.
 */
import { EXTERNAL_ENDPOINT_VENDOR, EXTERNAL_ENDPOINT_VERSION } from './access-path';
import { HTTPS_DEFAULT_PORT, canonicalOrigin, endpointName, extApiPrefix, legacyNames } from './endpoint-naming';

export type FilterPurpose =
  | 'registryApi'
  | 'manifests'
  | 'tagLists'
  | 'harborPing'
  | 'harborSystemInfo'
  | 'harborCaCertificate'
  | 'harborProject'
  | 'harborRepositories'
  | 'harborArtifacts'
  | 'harborArtifact';

export interface PlannedFilter {
  readonly purpose: FilterPurpose;
  /** The request it lets through, as a reader sees it: `GET /api/v2.0/ping`. */
  readonly request: string;
  readonly urlPattern: string;
}

export interface ExternalEndpointPlan {
  /** Canonical `host:port`: what the names are derived from and rootUrls are compared by. */
  readonly origin: string;
  readonly endpoint: {
    readonly name: string;
    readonly vendor: string;
    readonly version: string;
    readonly enabled: true;
    /** Explicit: VCD applies no ACL rules of its own to these paths (documented field, VCD 10.5+). */
    readonly authorizationEnabled: false;
    readonly rootUrl: string;
    readonly description: string;
  };
  readonly prefix: string;
  readonly filters: readonly PlannedFilter[];
  /** What 0.1.0 created for this origin: one endpoint and the broad filter `/<prefix>/.*`. */
  readonly legacy: { readonly endpointName: string; readonly prefix: string; readonly filterPattern: string };
}

/** One path segment of a repository name (OCI distribution grammar): never `.`, `..` or empty. */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY = `${COMPONENT}(?:/${COMPONENT})*`;
/** A tag or a digest: no `/`, no `%`, never starting with `.`. */
const REFERENCE = '[A-Za-z0-9_][A-Za-z0-9_.:+=-]*';
/** Harbor's project name rule (or a project id). */
const PROJECT = '[a-z0-9]+(?:[._-][a-z0-9]+)*';
/** A repository name without its project, its `/` encoded twice (Harbor's nginx decodes once). */
const HARBOR_REPOSITORY = `${COMPONENT}(?:%252F${COMPONENT})*`;
/** A tag, or a digest with its `:` percent-encoded, as `encodeURIComponent` writes one into a Harbor path. */
const ENCODED_REFERENCE = '(?:[A-Za-z0-9_][A-Za-z0-9_.-]*|[a-z0-9]+(?:[._+-][a-z0-9]+)*%3A[A-Za-z0-9_-]+)';
const QUERY = '(?:\\?.*)?';
const HARBOR_API = 'api/v2\\.0';

const FILTERS: readonly { readonly purpose: FilterPurpose; readonly request: string; readonly path: string }[] = [
  { purpose: 'registryApi', request: 'GET /v2/', path: 'v2/' },
  { purpose: 'manifests', request: 'HEAD /v2/<repository>/manifests/<tag or digest>', path: `v2/${REPOSITORY}/manifests/${REFERENCE}` },
  { purpose: 'tagLists', request: 'GET /v2/<repository>/tags/list', path: `v2/${REPOSITORY}/tags/list${QUERY}` },
  { purpose: 'harborPing', request: 'GET /api/v2.0/ping', path: `${HARBOR_API}/ping` },
  { purpose: 'harborSystemInfo', request: 'GET /api/v2.0/systeminfo', path: `${HARBOR_API}/systeminfo` },
  { purpose: 'harborCaCertificate', request: 'GET /api/v2.0/systeminfo/getcert', path: `${HARBOR_API}/systeminfo/getcert` },
  { purpose: 'harborProject', request: 'GET /api/v2.0/projects/<project>', path: `${HARBOR_API}/projects/${PROJECT}` },
  {
    purpose: 'harborRepositories',
    request: 'GET /api/v2.0/projects/<project>/repositories',
    path: `${HARBOR_API}/projects/${PROJECT}/repositories${QUERY}`,
  },
  {
    purpose: 'harborArtifacts',
    request: 'GET /api/v2.0/projects/<project>/repositories/<repository>/artifacts',
    path: `${HARBOR_API}/projects/${PROJECT}/repositories/${HARBOR_REPOSITORY}/artifacts${QUERY}`,
  },
  {
    // The per-image question the Harbor checker asks when a listing is longer than it reads.
    purpose: 'harborArtifact',
    request: 'GET /api/v2.0/projects/<project>/repositories/<repository>/artifacts/<tag or digest>',
    path: `${HARBOR_API}/projects/${PROJECT}/repositories/${HARBOR_REPOSITORY}/artifacts/${ENCODED_REFERENCE}${QUERY}`,
  },
];

/** The filter pattern that lets exactly `path` (a regular expression, without the prefix) through, uncut. */
export function filterPattern(prefix: string, path: string): string {
  return `/${prefix}/(?=${path}$).*`;
}

/** `https://host[:port]`, the port left out when it is 443. */
export function rootUrlOf(host: string, port?: number): string {
  const origin = canonicalOrigin(host, port);
  const hostname = origin.slice(0, origin.lastIndexOf(':'));
  return `https://${hostname}${port !== undefined && port !== HTTPS_DEFAULT_PORT ? `:${port}` : ''}`;
}

export function externalEndpointPlan(host: string, port?: number): ExternalEndpointPlan {
  const prefix = extApiPrefix(host, port);
  const legacy = legacyNames(host, port);
  return {
    origin: canonicalOrigin(host, port),
    endpoint: {
      name: endpointName(host, port),
      vendor: EXTERNAL_ENDPOINT_VENDOR,
      version: EXTERNAL_ENDPOINT_VERSION,
      enabled: true,
      authorizationEnabled: false,
      rootUrl: rootUrlOf(host, port),
      description: 'CSE Airgap: anonymous read requests of the registry checks (GET, HEAD), on the paths of its API filters only',
    },
    prefix,
    filters: FILTERS.map(({ purpose, request, path }) => ({ purpose, request, urlPattern: filterPattern(prefix, path) })),
    legacy: { ...legacy, filterPattern: `/${legacy.prefix}/.*` },
  };
}
