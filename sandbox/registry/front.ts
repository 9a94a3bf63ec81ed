// The Harbor-like front door. Harbor puts nginx in front of core (token service, REST API) and
// the registry; this is that nginx: one HTTPS origin with the sandbox certificate, routing by
// path prefix. `/v2/` goes to the real registry, `/service/token` to the token service, and
// later features (the `/api/v2.0/` façade) plug in with addRoute(). `suspend()` closes the port
// (connections refused, like a Harbor that is down) and `resume()` listens on the same one again.
// `faults` injects latency, 5xx answers and connection resets into `/v2/` and `/api/v2.0/`, and
// hostile answers (a huge header, endless Harbor listings, a megabyte of PEM markers).
// `requests` keeps the last requests it received with their headers (a test aid: it shows what a
// client, or VCD's /ext-api in front of it, sent the registry).
// With `http2` it negotiates HTTP/2 by ALPN as well as HTTP/1.1 (Harbor's nginx does both).
import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertPortFree } from '../lib/ports.js';
import { createSecureHttpServer, resetRequest, type SecureServer } from '../lib/secure-server.js';
import { RegistryFaults, type InjectedHeader } from './faults.js';
import { sendError, sendJson } from './http-errors.js';
import { RegistryProxy, type ManifestObserver, type Upstream } from './proxy.js';
import type { TokenIssuer } from './token-service.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface FrontDoorOptions {
  /** 0 or absent: a free port. */
  port?: number;
  serverCertPem: string;
  serverKeyPem: string;
  /** The CA the registry's certificate chains to. */
  caPem: string;
  tokenIssuer: TokenIssuer;
  /** The service name distribution expects in the token's `aud` when the client names none. */
  defaultService: string;
  /** Where the fault fractions draw from; Math.random unless a test fixes it. */
  random?: () => number;
  /** Offer HTTP/2 (ALPN h2) besides HTTP/1.1. */
  http2?: boolean;
}

/** One request as the front door received it: the raw path and every header, in order. */
export interface ReceivedRequest {
  readonly at: string;
  readonly method: string;
  readonly path: string;
  readonly headers: readonly (readonly [string, string])[];
}

const KEPT_REQUESTS = 1000;
/**
 * Harbor's front door is nginx, whose configuration sets no keepalive_timeout: nginx's default of
 * 75 s applies (docs/domain.md, "Harbor's front door"). Node's own default (5 s) would make VCD's
 * /ext-api pool reconnect before nearly every check.
 */
export const HARBOR_KEEP_ALIVE_MS = 75_000;

interface Route {
  prefix: string;
  handler: RouteHandler;
}

export class FrontDoor {
  readonly host = '127.0.0.1';
  private readonly routes: Route[] = [];
  private readonly proxy: RegistryProxy;
  private server: SecureServer | undefined;
  private listeningPort: number | undefined;
  private closing: Promise<void> | undefined;
  /** Sandbox-only fault injection (POST /sandbox/registry/faults). */
  readonly faults: RegistryFaults;
  /** Sandbox-only record of the last requests (GET /sandbox/registry/requests), oldest first. */
  private received: ReceivedRequest[] = [];

  constructor(private readonly options: FrontDoorOptions) {
    this.faults = new RegistryFaults(options.random);
    this.proxy = new RegistryProxy(options.caPem);
    this.addRoute('/v2', (req, res) => this.proxy.handle(req, res));
    this.addRoute('/service/token', (req, res, url) => this.serveToken(req, res, url));
  }

  /** The port, also while suspended: it is kept for resume(). */
  get port(): number {
    if (this.listeningPort === undefined) throw new Error('the front door has never listened');
    return this.listeningPort;
  }

  get isListening(): boolean {
    return this.server !== undefined;
  }

  /** Where `/v2/` goes: the distribution registry, once it runs. */
  get upstream(): Upstream | undefined {
    return this.proxy.upstream;
  }

  get url(): string {
    return `https://${this.host}:${this.port}`;
  }

  /**
   * Serves `prefix` and everything below it (`/api/v2.0` serves `/api/v2.0/ping`). The longest
   * matching prefix wins, so a later route can take over part of an existing one.
   * Returns a function that removes the route again.
   */
  addRoute(prefix: string, handler: RouteHandler): () => void {
    const route: Route = { prefix: prefix.replace(/\/+$/, ''), handler };
    this.routes.push(route);
    this.routes.sort((a, b) => b.prefix.length - a.prefix.length);
    return () => {
      const index = this.routes.indexOf(route);
      if (index >= 0) this.routes.splice(index, 1);
    };
  }

  get requests(): readonly ReceivedRequest[] {
    return this.received;
  }

  clearRequests(): void {
    this.received = [];
  }

  setUpstream(upstream: Upstream | undefined): void {
    this.proxy.setUpstream(upstream);
  }

  /** Told of every manifest the registry stored through this door (Harbor records pushes in its database). */
  observeManifests(observer: ManifestObserver): void {
    this.proxy.observeManifests(observer);
  }

  async listen(): Promise<void> {
    const port = this.listeningPort ?? this.options.port ?? 0;
    if (port !== 0) await assertPortFree(port);
    const secure = createSecureHttpServer(
      {
        certPem: this.options.serverCertPem,
        keyPem: this.options.serverKeyPem,
        http2: this.options.http2 === true,
        keepAliveTimeoutMs: HARBOR_KEEP_ALIVE_MS,
      },
      (req, res) => void this.dispatch(req, res),
    );
    const { server } = secure;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = secure;
    this.listeningPort = (server.address() as AddressInfo).port;
  }

  /** Stops listening (new connections are refused) and drops open ones; the port is kept. */
  async suspend(): Promise<void> {
    const secure = this.server;
    if (secure === undefined) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      secure.server.close(() => resolve());
      secure.closeAllConnections();
    });
  }

  /** Listens again on the same port; fails if something else took it meanwhile. */
  async resume(): Promise<void> {
    if (this.server !== undefined || this.closing !== undefined) return;
    await this.listen();
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.proxy.close();
      const secure = this.server;
      if (secure === undefined) {
        resolve();
        return;
      }
      secure.server.close(() => resolve());
      // Keep-alive connections would otherwise hold close() open for seconds.
      secure.closeAllConnections();
    });
    return this.closing;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A fixed base: the path is all that routing needs, and a bad Host header must not throw here.
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    this.record(req);
    const fault = this.faults.decide(url.pathname, url.searchParams, req.method);
    if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.kind === 'reset') {
      resetRequest(req);
      return;
    }
    if (fault.header !== undefined) injectHeader(res, fault.header);
    if (fault.kind === 'answer') {
      req.resume();
      res.writeHead(fault.answer.status, fault.answer.headers);
      res.end(fault.answer.body);
      return;
    }
    if (fault.kind === 'error') {
      req.resume();
      sendError(res, fault.status, fault.status === 503 ? 'SERVICE_UNAVAILABLE' : 'UNKNOWN', 'injected fault (sandbox)');
      return;
    }
    const route = this.routes.find((r) => url.pathname === r.prefix || url.pathname.startsWith(`${r.prefix}/`));
    if (route === undefined) {
      req.resume();
      sendError(res, 404, 'NOT_FOUND', `no route for ${url.pathname}`);
      return;
    }
    try {
      await route.handler(req, res, url);
    } catch (error) {
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', error instanceof Error ? error.message : String(error));
    }
  }

  private record(req: IncomingMessage): void {
    const headers: [string, string][] = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
    this.received.push({ at: new Date().toISOString(), method: req.method ?? '', path: req.url ?? '', headers });
    if (this.received.length > KEPT_REQUESTS) this.received.splice(0, this.received.length - KEPT_REQUESTS);
  }

  private async serveToken(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    req.resume();
    if (req.method !== 'GET') {
      sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method ?? ''} is not allowed on /service/token`, {
        Allow: 'GET',
      });
      return;
    }
    const issuer = this.options.tokenIssuer;
    const auth = issuer.authenticate(req.headers.authorization);
    if (auth.kind === 'rejected') {
      // No `WWW-Authenticate: Basic` here: it would make a browser pop up a password dialog.
      sendError(res, 401, 'UNAUTHORIZED', auth.reason);
      return;
    }
    const service = url.searchParams.get('service') ?? this.options.defaultService;
    const token = await issuer.issue(auth.principal, service, url.searchParams.getAll('scope'));
    sendJson(res, 200, token, { 'Cache-Control': 'no-store' });
  }
}

/**
 * Makes every head `res` writes carry `header`, replacing one of the same name — also the raw
 * header list the `/v2/` leg passes through from the registry, which setHeader alone cannot reach.
 */
function injectHeader(res: ServerResponse, header: InjectedHeader): void {
  const writeHead = res.writeHead.bind(res) as (
    status: number,
    message?: string,
    headers?: OutgoingHttpHeaders | OutgoingHttpHeader[],
  ) => ServerResponse;
  const lower = header.name.toLowerCase();
  res.writeHead = ((status: number, ...rest: unknown[]): ServerResponse => {
    const message = typeof rest[0] === 'string' ? rest[0] : undefined;
    const given = (message === undefined ? rest[0] : rest[1]) as OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined;
    if (res.hasHeader(header.name)) res.removeHeader(header.name);
    let headers: OutgoingHttpHeaders | OutgoingHttpHeader[];
    if (Array.isArray(given)) {
      const kept: OutgoingHttpHeader[] = [];
      for (let i = 0; i + 1 < given.length; i += 2)
        if (String(given[i]).toLowerCase() !== lower) kept.push(given[i] as OutgoingHttpHeader, given[i + 1] as OutgoingHttpHeader);
      headers = [...kept, header.name, header.value];
    } else {
      headers = Object.fromEntries(Object.entries(given ?? {}).filter(([name]) => name.toLowerCase() !== lower));
      headers[header.name] = header.value;
    }
    return writeHead(status, message, headers);
  }) as ServerResponse['writeHead'];
}

export async function startFrontDoor(options: FrontDoorOptions): Promise<FrontDoor> {
  const front = new FrontDoor(options);
  await front.listen();
  return front;
}
