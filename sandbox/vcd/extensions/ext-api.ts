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
import { isIP } from 'node:net';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import type { StateStore } from '../../lib/state.js';
import { compilePattern } from './api-filters.js';
import { VcdError } from '../core/errors.js';
import type { VcdState } from '../core/model.js';
import { matchesHost, peerChain, whyUntrusted } from '../connections/probe.js';
import { systemTrustAnchors } from '../connections/trusted-certificates.js';
import { HOP_BY_HOP_HEADERS } from '../../lib/hop-by-hop.js';
import type { SandboxHosts } from '../../lib/hosts.js';

const CONNECT_TIMEOUT_MS = 10_000;
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
  const socket = await openTrustedTls(target.url, systemTrustAnchors(state.get()), hosts);
  await new Promise<void>((resolve, reject) => {
    const outgoing = httpRequest(
      {
        method: req.method,
        path: `${target.url.pathname}${target.url.search}`,
        headers: forwardedHeaders(req, target),
        createConnection: () => socket,
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
      socket.destroy();
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

/** A TLS connection to the endpoint whose chain leads to System's trusted certificates and names the host. */
function openTrustedTls(url: URL, anchors: ReturnType<typeof systemTrustAnchors>, hosts: SandboxHosts): Promise<TLSSocket> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  return new Promise((resolve, reject) => {
    const address = hosts.get(host.toLowerCase())?.connectTo ?? host;
    const socket = connectTls({ host: address, port, servername: isIP(host) ? undefined : host, rejectUnauthorized: false });
    const fail = (status: number, message: string): void => {
      socket.destroy();
      reject(new VcdError(status, message));
    };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => fail(504, `No answer from ${url.host} within ${CONNECT_TIMEOUT_MS / 1000} s.`));
    socket.once('secureConnect', () => {
      socket.setTimeout(0);
      const chain = peerChain(socket.getPeerCertificate(true));
      const distrust = whyUntrusted(chain, anchors);
      if (distrust) return fail(502, `The certificate of ${url.host} is not trusted by the System organization: ${distrust}`);
      const [leaf] = chain;
      if (leaf && !matchesHost(leaf, host)) return fail(502, `The certificate of ${url.host} is not valid for ${host}.`);
      resolve(socket);
    });
    socket.on('error', (error) => fail(502, `Cannot connect to ${url.host}: ${error.message}`));
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
