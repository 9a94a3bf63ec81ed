// Sandbox-only control of the registry, for tests (no auth, like /sandbox/faults; not a VCD API):
//   GET  /sandbox/registry        → 200 {running, url, base, caFile}
//   POST /sandbox/registry/stop   → 200 {running: false, …}: the front door's port is closed,
//                                   connections are refused, like a Harbor that is down
//   POST /sandbox/registry/start  → 200 {running: true, …}: listening again on the same port
//                                   (409 if something else took the port meanwhile)
//   GET    /sandbox/registry/faults → 200 {faults: settings | null, injected: {delayed, errors, resets, …}}
//   POST   /sandbox/registry/faults {latencyMs?, errorRate?, status? (503), resetRate?, pathPattern?,
//          hugeHeader? {name, bytes?}, endlessListings? {totalCount?}, pemBody? {bytes?}}
//          → 200 {faults, injected}: the front door adds latencyMs to every `/v2/` and `/api/v2.0/`
//            request (whose path matches pathPattern, a regular expression, when given), answers a
//            fraction errorRate with `status` (500–599) and destroys the connection of a fraction
//            resetRate; hostile answers as sandbox/registry/README.md describes them; replaces
//            earlier settings; 400 for a bad body
//   DELETE /sandbox/registry/faults → 200 {faults: null, …}: no faults any more
//   GET    /sandbox/registry/requests → 200 {values: [{at, method, path, headers: [[name, value], …]}]}:
//          the last 1,000 requests the front door received, oldest first, every header as received
//          (what reached the registry through VCD's /ext-api, or directly)
//   DELETE /sandbox/registry/requests → 200 {values: []}
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InvalidFaults, parseFaultSettings } from './registry/faults.js';
import type { SandboxRegistry } from './registry/index.js';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export function createRegistryControl(registry: SandboxRegistry): RequestHandler {
  const status = (): Record<string, unknown> => ({
    running: registry.front.isListening,
    url: registry.url,
    base: registry.base,
    caFile: registry.caFile,
  });
  const send = (res: ServerResponse, code: number, body: unknown): void => {
    const text = JSON.stringify(body);
    res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
    res.end(text);
  };

  const faultState = (): Record<string, unknown> => ({
    faults: registry.front.faults.current ?? null,
    injected: registry.front.faults.injected,
  });

  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]?.replace(/\/$/, '');
    if (path === '/sandbox/registry/faults') {
      await handleFaults(req, res);
      return true;
    }
    if (path === '/sandbox/registry/requests') {
      req.resume();
      if (req.method === 'DELETE') registry.front.clearRequests();
      else if (req.method !== 'GET') {
        res.setHeader('Allow', 'GET, DELETE');
        send(res, 405, { error: `${req.method ?? ''} is not allowed on ${path}; use GET or DELETE` });
        return true;
      }
      send(res, 200, { values: registry.front.requests });
      return true;
    }
    if (path !== '/sandbox/registry' && path !== '/sandbox/registry/stop' && path !== '/sandbox/registry/start') return false;
    req.resume();
    const expected = path === '/sandbox/registry' ? 'GET' : 'POST';
    if (req.method !== expected) {
      res.setHeader('Allow', expected);
      send(res, 405, { error: `${req.method ?? ''} is not allowed on ${path}; use ${expected}` });
      return true;
    }
    try {
      if (path.endsWith('/stop')) await registry.front.suspend();
      if (path.endsWith('/start')) await registry.front.resume();
      send(res, 200, status());
    } catch (error) {
      send(res, 409, { ...status(), error: error instanceof Error ? error.message : String(error) });
    }
    return true;
  };

  async function handleFaults(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET') {
      req.resume();
      send(res, 200, faultState());
    } else if (req.method === 'DELETE') {
      req.resume();
      registry.front.faults.clear();
      send(res, 200, faultState());
    } else if (req.method === 'POST') {
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
        registry.front.faults.set(parseFaultSettings(body));
      } catch (error) {
        const message = error instanceof InvalidFaults || error instanceof SyntaxError ? error.message : String(error);
        send(res, 400, { error: message });
        return;
      }
      send(res, 200, faultState());
    } else {
      req.resume();
      res.setHeader('Allow', 'GET, POST, DELETE');
      send(res, 405, { error: `${req.method ?? ''} is not allowed on /sandbox/registry/faults; use GET, POST or DELETE` });
    }
  }
}

const MAX_BODY_BYTES = 16 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new InvalidFaults(`the body is larger than ${MAX_BODY_BYTES} bytes`));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
