// Sandbox-only control of the registry, for tests (no auth, like /sandbox/faults; not a VCD API):
//   GET  /sandbox/registry        → 200 {running, url, base, caFile}
//   POST /sandbox/registry/stop   → 200 {running: false, …}: the front door's port is closed,
//                                   connections are refused, like a Harbor that is down
//   POST /sandbox/registry/start  → 200 {running: true, …}: listening again on the same port
//                                   (409 if something else took the port meanwhile)
import type { IncomingMessage, ServerResponse } from 'node:http';
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

  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]?.replace(/\/$/, '');
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
}
