// The sandbox's HTTPS origins negotiate HTTP/2 when switched on, keep HTTP/1.1 for clients that
// offer nothing else, and show handlers an HTTP/1-shaped request either way.
import assert from 'node:assert/strict';
import { connect as connectHttp2, type ClientHttp2Session } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensurePki, type SandboxPki as Pki } from '../registry/pki.js';
import { createSecureHttpServer, resetRequest, type SecureServer } from './secure-server.js';

function alpn(port: number, ca: string): Promise<string | false> {
  return new Promise((resolve, reject) => {
    const socket = connectTls({ host: '127.0.0.1', port, ca, servername: 'localhost', ALPNProtocols: ['h2', 'http/1.1'] }, () => {
      resolve(socket.alpnProtocol ?? false);
      socket.destroy();
    });
    socket.on('error', reject);
  });
}

function h2Get(session: ClientHttp2Session, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':path': path, 'x-probe': 'yes' });
    let body = '';
    let headers: Record<string, unknown> = {};
    stream.setEncoding('utf8');
    stream.on('response', (received) => (headers = received));
    stream.on('data', (chunk: string) => (body += chunk));
    stream.on('end', () => resolve({ status: Number(headers[':status']), headers, body }));
    stream.on('error', reject);
    stream.end();
  });
}

function h1Get(port: number, ca: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path, ca, servername: 'localhost', headers: { 'x-probe': 'yes' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('createSecureHttpServer', () => {
  let dir: string;
  let pki: Pki;
  const started: SecureServer[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'secure-server-'));
    pki = await ensurePki(join(dir, 'pki'));
  });
  after(async () => {
    for (const { server, closeAllConnections } of started) {
      closeAllConnections();
      server.close();
    }
    await rm(dir, { recursive: true, force: true });
  });

  async function serve(http2: boolean, keepAliveTimeoutMs?: number): Promise<number> {
    const options = { certPem: pki.serverCertPem, keyPem: pki.serverKeyPem, http2, ...(keepAliveTimeoutMs ? { keepAliveTimeoutMs } : {}) };
    const secure = createSecureHttpServer(options, (req, res) => {
      if (req.url === '/reset') return resetRequest(req);
      if (req.url === '/slow') return void setTimeout(() => res.end('slow'), 50);
      // What HTTP/1 handlers do: a status message and connection headers, which HTTP/2 must not send.
      res.writeHead(200, 'OK', { 'Content-Type': 'application/json', Connection: 'keep-alive', 'Keep-Alive': 'timeout=5' });
      res.end(JSON.stringify({ version: req.httpVersion, host: req.headers.host, raw: req.rawHeaders }));
    });
    started.push(secure);
    await new Promise<void>((resolve) => secure.server.listen(0, '127.0.0.1', resolve));
    return (secure.server.address() as AddressInfo).port;
  }

  it('offers no h2 unless switched on', async () => {
    const port = await serve(false);
    assert.notEqual(await alpn(port, pki.caPem), 'h2');
    assert.equal(JSON.parse((await h1Get(port, pki.caPem, '/')).body).version, '1.1');
  });

  it('negotiates h2, and still answers an HTTP/1.1-only client', async () => {
    const port = await serve(true);
    assert.equal(await alpn(port, pki.caPem), 'h2');
    const session = connectHttp2(`https://localhost:${port}`, { ca: pki.caPem });
    try {
      const answer = await h2Get(session, '/');
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['connection'], undefined);
      const seen = JSON.parse(answer.body) as { version: string; host: string; raw: string[] };
      assert.equal(seen.version, '2.0');
      assert.equal(seen.host, `localhost:${port}`);
      // The handler sees a Host header and no pseudo-headers, as over HTTP/1.1.
      assert.deepEqual(seen.raw.slice(0, 2), ['Host', `localhost:${port}`]);
      assert.ok(seen.raw.every((name) => !name.startsWith(':')));
      assert.ok(seen.raw.includes('x-probe'));
    } finally {
      session.close();
    }
    assert.equal(JSON.parse((await h1Get(port, pki.caPem, '/')).body).version, '1.1');
  });

  it('resets one HTTP/2 stream, not the connection the others share', async () => {
    const port = await serve(true);
    const session = connectHttp2(`https://localhost:${port}`, { ca: pki.caPem });
    try {
      const [reset, slow] = await Promise.allSettled([h2Get(session, '/reset'), h2Get(session, '/slow')]);
      assert.equal(reset.status, 'rejected');
      assert.deepEqual(slow.status === 'fulfilled' ? [slow.value.status, slow.value.body] : slow.reason, [200, 'slow']);
    } finally {
      session.close();
    }
  });

  /** Milliseconds an HTTP/1.1 keep-alive connection stayed open, idle, after its one answer. */
  function idleLifetime(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket: TLSSocket = connectTls(
        { host: '127.0.0.1', port, ca: pki.caPem, servername: 'localhost', ALPNProtocols: ['http/1.1'] },
        () => void socket.write('GET / HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n'),
      );
      let answeredAt = 0;
      // Still open after 4 s: the server would have kept it longer, which the caller reads as too long.
      const giveUp = setTimeout(() => socket.destroy(), 4000);
      socket.on('data', () => (answeredAt ||= performance.now()));
      socket.on('close', () => {
        clearTimeout(giveUp);
        resolve(performance.now() - answeredAt);
      });
      socket.on('error', reject);
    });
  }

  for (const http2 of [false, true]) {
    it(`keeps an idle HTTP/1.1 connection open as long as told${http2 ? ' (the HTTP/1.1 fallback of the h2 server)' : ''}`, async () => {
      const lifetime = await idleLifetime(await serve(http2, 200));
      assert.ok(lifetime >= 150 && lifetime < 3000, `closed after ${lifetime.toFixed(0)} ms idle`);
    });
  }
});
