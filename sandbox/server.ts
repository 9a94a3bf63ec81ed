/*
 * The sandbox's one HTTP origin, like a VCD cell: the portal (host page, its bundle and vendor
 * styles), the plug-in files, and the API stand-in. Same origin for all, as in VCD: no CORS.
 * Plain HTTP by default; with `tls`, HTTPS with the sandbox's server certificate, and with
 * `tls.http2` HTTP/2 as well (browsers speak h2 over TLS only), as VCD's cells do.
 */
import http from 'node:http';
import type { Server } from 'node:net';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createSecureHttpServer } from './lib/secure-server.js';
import type { LoadedPlugin } from './plugin-store.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => path.dirname(require.resolve(`${name}/package.json`));

const VENDOR_FILES: Record<string, () => string> = {
  'system.js': () => path.join(packageDir('systemjs'), 'dist', 'system.js'),
  'cds-global.min.css': () => path.join(packageDir('@cds/core'), 'global.min.css'),
  'clr-ui.min.css': () => path.join(packageDir('@clr/ui'), 'clr-ui.min.css'),
};

// SystemJS and the JIT compiler evaluate code; Angular/Clarity set inline styles.
const PORTAL_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export type ApiHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;

export interface SandboxServerOptions {
  readonly hostJsFile: string;
  /** The bundles whose files `/plugins/<id>/…` serves (`GET /sandbox/plugins`, per session, is the VCD API's). */
  readonly plugins: () => readonly LoadedPlugin[];
  readonly api: ApiHandler;
  /** Serve HTTPS with this certificate (and negotiate HTTP/2 when `http2`). */
  readonly tls?: { readonly certPem: string; readonly keyPem: string; readonly http2: boolean };
}

export interface SandboxHttpServer {
  readonly server: Server;
  closeAllConnections(): void;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Uint8Array,
  type: string,
  extra: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

export function createSandboxServer(options: SandboxServerOptions): SandboxHttpServer {
  const indexHtml = path.join(import.meta.dirname, 'host', 'index.html');

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname === '/host/host.js') {
      return send(res, 200, await readFile(options.hostJsFile), CONTENT_TYPES['.js'] ?? '');
    }
    const vendor = /^\/host\/vendor\/([^/]+)$/.exec(url.pathname)?.[1];
    if (vendor && VENDOR_FILES[vendor]) {
      const file = VENDOR_FILES[vendor]();
      return send(res, 200, await readFile(file), CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    }
    const pluginFile = /^\/plugins\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (pluginFile) {
      const plugin = options.plugins().find((candidate) => candidate.id === pluginFile[1]);
      const file = plugin?.files.get(pluginFile[2] ?? '');
      if (!plugin || !file) return send(res, 404, 'not found', 'text/plain');
      return send(res, 200, file, CONTENT_TYPES[path.extname(pluginFile[2] ?? '')] ?? 'application/octet-stream');
    }
    if (await options.api(req, res)) {
      return;
    }
    if (req.method === 'GET' && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/cloudapi/')) {
      // The portal is a single-page app: every other path is one of its routes.
      return send(res, 200, await readFile(indexHtml), CONTENT_TYPES['.html'] ?? '', { 'Content-Security-Policy': PORTAL_CSP });
    }
    send(
      res,
      404,
      JSON.stringify({ minorErrorCode: 'NOT_FOUND', message: `No such resource: ${url.pathname}`, stackTrace: null }),
      'application/json',
    );
  }

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    route(req, res).catch((error: unknown) => {
      console.error('sandbox: request failed', req.method, req.url, error);
      if (!res.headersSent)
        send(
          res,
          500,
          JSON.stringify({ minorErrorCode: 'INTERNAL_SERVER_ERROR', message: String(error), stackTrace: null }),
          'application/json',
        );
      else res.destroy();
    });
  };
  if (options.tls) return createSecureHttpServer(options.tls, handle);
  const server = http.createServer(handle);
  return { server, closeAllConnections: () => server.closeAllConnections() };
}
