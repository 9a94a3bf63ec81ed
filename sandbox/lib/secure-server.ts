// One HTTPS server for the sandbox's origins (the portal, the registry front door) that speaks
// HTTP/1.1 only, or — switched on — negotiates HTTP/2 by ALPN with HTTP/1.1 as the fallback, as
// VCD's and Harbor's load balancers do. Handlers keep the HTTP/1 request/response API: an HTTP/2
// request is presented with a Host header (from `:authority`) and without pseudo-headers, and
// what HTTP/2 forbids in a response (a status message, connection-specific headers) is left out.
import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { Http2ServerRequest, Http2ServerResponse, constants, createSecureServer } from 'node:http2';
import type { Server as TlsServer, TLSSocket } from 'node:tls';

export interface SecureServerOptions {
  readonly certPem: string;
  readonly keyPem: string;
  /** Offer h2 by ALPN (HTTP/1.1 stays available). */
  readonly http2: boolean;
  /** How long an idle HTTP/1.1 keep-alive connection stays open (Node's default: 5 s). */
  readonly keepAliveTimeoutMs?: number;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface SecureServer {
  readonly server: TlsServer;
  /** Drops every open connection (keep-alive and HTTP/2 sessions would otherwise hold close() open). */
  closeAllConnections(): void;
}

/** Connection-specific headers: RFC 9113 §8.2.2 forbids them in HTTP/2. */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

function http2Headers(
  headers: OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined,
): OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined {
  if (headers === undefined) return undefined;
  if (Array.isArray(headers)) {
    const kept: OutgoingHttpHeader[] = [];
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (!CONNECTION_HEADERS.has(String(headers[i]).toLowerCase())) kept.push(headers[i] ?? '', headers[i + 1] ?? '');
    }
    return kept;
  }
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CONNECTION_HEADERS.has(name.toLowerCase())));
}

/** The HTTP/2 compatibility objects, made to look like HTTP/1's to handlers written for it. */
function asHttp1(req: Http2ServerRequest, res: Http2ServerResponse): [IncomingMessage, ServerResponse] {
  const authority = req.headers[':authority'];
  const raw: string[] = typeof authority === 'string' ? ['Host', authority] : [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (!(req.rawHeaders[i] ?? '').startsWith(':')) raw.push(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
  }
  Object.defineProperty(req, 'rawHeaders', { value: raw });
  if (typeof authority === 'string') req.headers.host = authority;
  const writeHead = res.writeHead.bind(res) as (
    status: number,
    headers?: OutgoingHttpHeaders | OutgoingHttpHeader[],
  ) => Http2ServerResponse;
  Object.assign(res, {
    writeHead: (
      status: number,
      message?: string | OutgoingHttpHeaders | OutgoingHttpHeader[],
      headers?: OutgoingHttpHeaders | OutgoingHttpHeader[],
    ) => writeHead(status, http2Headers(typeof message === 'string' ? headers : (message ?? headers))),
    setHeader: ((setHeader) => (name: string, value: number | string | readonly string[]) =>
      CONNECTION_HEADERS.has(name.toLowerCase()) ? res : setHeader(name, value))(res.setHeader.bind(res)),
  });
  return [req as unknown as IncomingMessage, res as unknown as ServerResponse];
}

export function createSecureHttpServer(options: SecureServerOptions, handler: RequestHandler): SecureServer {
  const sockets = new Set<TLSSocket>();
  const server: TlsServer = options.http2
    ? createSecureServer({ cert: options.certPem, key: options.keyPem, allowHTTP1: true }, (req, res) => {
        if (req.httpVersionMajor === 2) handler(...asHttp1(req, res));
        else handler(req as unknown as IncomingMessage, res as unknown as ServerResponse);
      })
    : createHttpsServer({ cert: options.certPem, key: options.keyPem }, handler);
  // Read by Node's HTTP/1.1 connection handling, the HTTP/1.1 fallback of the h2 server included.
  if (options.keepAliveTimeoutMs !== undefined) Object.assign(server, { keepAliveTimeout: options.keepAliveTimeoutMs });
  server.on('secureConnection', (socket: TLSSocket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    server,
    closeAllConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
  };
}

/**
 * Ends one request as a connection reset would: over HTTP/1.1 the connection goes (it carries
 * that request only); over HTTP/2 only the request's stream is reset, the others go on.
 */
export function resetRequest(req: IncomingMessage): void {
  const stream = (req as unknown as Partial<Http2ServerRequest>).stream;
  if (req.httpVersionMajor === 2 && stream) stream.close(constants.NGHTTP2_INTERNAL_ERROR);
  else req.socket.destroy();
}

/** The protocol the connection negotiated: 'h2' or 'http/1.1'. */
export function protocolOf(req: IncomingMessage): string {
  return req.httpVersionMajor === 2 ? 'h2' : 'http/1.1';
}
