// The `/v2/` leg of the front door: Harbor's nginx passes registry traffic through untouched, so
// this streams requests and responses both ways and changes only where the bytes go. The Host
// header is kept, which makes distribution build upload `Location`s that point at the front door.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Agent, request } from 'node:https';
import { sendError } from './http-errors.js';
import { HOP_BY_HOP_HEADERS } from '../lib/hop-by-hop.js';

export interface Upstream {
  host: string;
  port: number;
}

/** The manifest a client pushed, as it sent it (Harbor's core reads it from the push, too). */
export interface PushedManifest {
  body: Buffer;
  mediaType: string;
}

/** Called when the registry answered 201 to `PUT /v2/<repository>/manifests/<reference>`. */
export type ManifestObserver = (repository: string, reference: string, digest: string, pushed?: PushedManifest) => void;

const MANIFEST_PUT = /^\/v2\/(.+)\/manifests\/([^/?]+)(?:\?.*)?$/;
/** distribution's own limit for a manifest; a larger body is passed on but not kept. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export function endToEndHeaders(rawHeaders: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (!HOP_BY_HOP_HEADERS.has(rawHeaders[i].toLowerCase())) kept.push(rawHeaders[i], rawHeaders[i + 1]);
  }
  return kept;
}

/**
 * The same headers as an object, for `https.request` (whose types take no raw array): repeated
 * headers become arrays, so they still go out as separate lines, with the client's spelling.
 */
export function toOutgoingHeaders(rawHeaders: readonly string[]): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const spelling = new Map<string, string>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const lower = rawHeaders[i].toLowerCase();
    const name = spelling.get(lower) ?? rawHeaders[i];
    spelling.set(lower, name);
    const previous = headers[name];
    headers[name] =
      previous === undefined ? rawHeaders[i + 1] : [...(Array.isArray(previous) ? previous : [String(previous)]), rawHeaders[i + 1]];
  }
  return headers;
}

export class RegistryProxy {
  private current: Upstream | undefined;
  private observer: ManifestObserver | undefined;
  private readonly agent: Agent;

  constructor(upstreamCaPem: string) {
    // The upstream certificate is the sandbox's own server certificate; its SAN has `localhost`,
    // which is also a valid SNI name (an IP address is not).
    this.agent = new Agent({ ca: upstreamCaPem, keepAlive: true, servername: 'localhost' });
  }

  get upstream(): Upstream | undefined {
    return this.current;
  }

  setUpstream(upstream: Upstream | undefined): void {
    this.current = upstream;
  }

  observeManifests(observer: ManifestObserver): void {
    this.observer = observer;
  }

  close(): void {
    this.agent.destroy();
  }

  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    const upstream = this.current;
    if (upstream === undefined) {
      sendError(res, 503, 'SERVICE_UNAVAILABLE', 'the registry is not running');
      return;
    }
    // A manifest push is small: keep its body for the observer while it streams to the registry.
    const isManifestPut = req.method === 'PUT' && MANIFEST_PUT.test(req.url ?? '');
    const chunks: Buffer[] = [];
    let kept = 0;
    if (isManifestPut) {
      req.on('data', (chunk: Buffer) => {
        kept += chunk.length;
        if (kept <= MAX_MANIFEST_BYTES) chunks.push(chunk);
      });
    }
    const outgoing = request(
      {
        host: upstream.host,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: toOutgoingHeaders(endToEndHeaders(req.rawHeaders)),
        agent: this.agent,
      },
      (upstreamRes) => {
        const stored = isManifestPut && upstreamRes.statusCode === 201 ? MANIFEST_PUT.exec(req.url ?? '') : null;
        const digest = upstreamRes.headers['docker-content-digest'];
        if (stored && typeof digest === 'string') {
          const pushed =
            kept <= MAX_MANIFEST_BYTES ? { body: Buffer.concat(chunks), mediaType: req.headers['content-type'] ?? '' } : undefined;
          this.observer?.(stored[1] ?? '', decodeURIComponent(stored[2] ?? ''), digest, pushed);
        }
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, endToEndHeaders(upstreamRes.rawHeaders));
        upstreamRes.pipe(res);
        upstreamRes.on('error', () => res.destroy());
      },
    );
    outgoing.on('error', (error) => sendError(res, 502, 'BAD_GATEWAY', `registry unreachable: ${error.message}`));
    // A client that goes away mid-transfer must not leave the upstream request hanging.
    res.on('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    req.pipe(outgoing);
  };
}
