// `/ext-api/<path>`: VCD's transparent HTTP proxy to external endpoints (cloud-director-extension-
// standard-library, "API extensibility via HTTP"). The first API filter with scope EXT_API, of an
// enabled endpoint, whose pattern matches `/<path>` takes the request; documented: a pattern is a
// regular expression that must end with `.*`, and only what that `.*` matches is appended to the
// endpoint's rootUrl (`/custom/.*`: `/ext-api/custom/get/1?a=b` → `<rootUrl>/get/1?a=b`,
// `/ext-api/custom/` → `<rootUrl>`; `/custom/test/.*` cuts `custom/test/` too). Assumed: the part
// cut is what the rest of the pattern matched as a regular expression (a lookahead cuts nothing),
// the pattern is matched against the path without its query, and the path is neither decoded nor
// normalised (`%252F` stays `%252F`, `..` stays `..`: the worst case for a filter).
// Documented: "any valid Cloud Director user" may call it, authenticated by the request's own
// Authorization header; the endpoint's certificate "has to be trusted in Cloud Director's system
// organization". Not documented: which request headers reach the endpoint. The sandbox takes the
// worst case (ASSUMED): every end-to-end header the caller sent — Cookie, x-vcloud-authorization,
// the tenant-context header included — and the caller's Authorization header too, unless the
// endpoint has `authorizationEnabled: false` (ASSUMED: then VCD keeps its own authentication
// behind). Only hop-by-hop headers, Host (replaced) and VCD's versioned Accept stay behind.
// Failures to reach the endpoint answer like a Jetty proxy would: 502 (refused, untrusted) or 504.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { StateStore } from '../../lib/state.js';
import { compilePattern } from './api-filters.js';
import { VcdError } from '../core/errors.js';
import type { VcdState } from '../core/model.js';
import { endpointAgent } from './ext-api-connections.js';
import { systemTrustAnchors } from '../connections/trusted-certificates.js';
import { HOP_BY_HOP_HEADERS } from '../../lib/hop-by-hop.js';
import type { SandboxHosts } from '../../lib/hosts.js';

const RESPONSE_TIMEOUT_MS = 60_000;

/** Never forwarded: hop-by-hop headers (RFC 9110 §7.6.1) and Host (replaced). */
const DROPPED_REQUEST_HEADERS = new Set([...HOP_BY_HOP_HEADERS, 'host']);
const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

export interface ExtApiTarget {
  url: URL;
  endpointId: string;
  /** The caller's Authorization header goes along (ASSUMED: unless authorizationEnabled is false). */
  forwardsAuthorization: boolean;
}

export const NO_FILTER_MATCHES = 'No API filter matches';

/** The endpoint URL for a raw `/ext-api/…` path and query, or undefined when no filter takes it. */
export function resolveExtApiTarget(state: VcdState, rawPathAndQuery: string): ExtApiTarget | undefined {
  const queryAt = rawPathAndQuery.indexOf('?');
  const rawPath = queryAt < 0 ? rawPathAndQuery : rawPathAndQuery.slice(0, queryAt);
  const query = queryAt < 0 ? '' : rawPathAndQuery.slice(queryAt);
  const subPath = rawPath.replace(/^\/ext-api/, '') || '/';
  for (const filter of state.apiFilters.filter((candidate) => candidate.urlScope === 'EXT_API')) {
    const endpoint = state.externalEndpoints.find((candidate) => candidate.id === filter.externalSystemId);
    if (!endpoint?.enabled) continue;
    const match = compilePattern(filter.urlPattern).exec(subPath);
    if (!match) continue;
    const rest = (match.groups?.['rest'] ?? '').replace(/^\/+/, '');
    const root = endpoint.rootUrl.replace(/\/+$/, '');
    return {
      url: new URL(`${root}${rest === '' ? '' : `/${rest}`}${query}`),
      endpointId: endpoint.id,
      forwardsAuthorization: endpoint.authorizationEnabled !== false,
    };
  }
  return undefined;
}

/** Forwards the request; rejects with a VcdError when the endpoint cannot be used (the router answers it). */
export async function forwardExtApi(
  state: StateStore<VcdState>,
  req: IncomingMessage,
  res: ServerResponse,
  hosts: SandboxHosts = new Map(),
): Promise<void> {
  const target = resolveExtApiTarget(state.get(), req.url ?? '/');
  if (!target) {
    throw new VcdError(404, `${NO_FILTER_MATCHES} ${(req.url ?? '').split('?')[0] ?? ''}: no enabled external endpoint serves it.`);
  }
  // Pooled TLS connections, each checked against System's trusted certificates (ext-api-connections.ts).
  const agent = endpointAgent(target.url, systemTrustAnchors(state.get()), hosts);
  await new Promise<void>((resolve, reject) => {
    const outgoing = httpRequest(
      {
        method: req.method,
        host: target.url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(target.url.port || 443),
        path: `${target.url.pathname}${target.url.search}`,
        headers: forwardedHeaders(req, target),
        agent,
        timeout: RESPONSE_TIMEOUT_MS,
      },
      (upstream) => {
        const headers: string[] = [];
        for (let i = 0; i + 1 < upstream.rawHeaders.length; i += 2) {
          const name = upstream.rawHeaders[i] ?? '';
          if (!DROPPED_RESPONSE_HEADERS.has(name.toLowerCase())) headers.push(name, upstream.rawHeaders[i + 1] ?? '');
        }
        res.writeHead(upstream.statusCode ?? 502, upstream.statusMessage, headers);
        upstream.pipe(res);
        upstream.on('end', () => resolve());
        upstream.on('error', () => res.destroy());
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new VcdError(504, `The external endpoint ${target.endpointId} did not answer in time.`)));
    outgoing.on('error', (error) => {
      if (res.headersSent) {
        res.destroy();
        resolve();
      } else {
        reject(
          error instanceof VcdError ? error : new VcdError(502, `The external endpoint ${target.endpointId} failed: ${error.message}`),
        );
      }
    });
    res.on('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    req.pipe(outgoing);
  });
}

function forwardedHeaders(req: IncomingMessage, target: ExtApiTarget): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { host: target.url.host };
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? '';
    const value = req.rawHeaders[i + 1] ?? '';
    const lower = name.toLowerCase();
    if (DROPPED_REQUEST_HEADERS.has(lower)) continue;
    if (lower === 'authorization' && !target.forwardsAuthorization) continue;
    // VCD's `Accept: application/json;version=39.0` is for VCD, not for the endpoint.
    if (lower === 'accept' && /;\s*version=/i.test(value)) continue;
    const previous = headers[lower];
    headers[lower] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [String(previous)]), value];
  }
  return headers;
}
