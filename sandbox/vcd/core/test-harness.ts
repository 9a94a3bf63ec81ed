// Test support for the VCD stand-in: a real HTTP server on 127.0.0.1:0 with a throw-away
// state file, persona logins, and a throw-away TLS endpoint with an openssl-made certificate.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTlsServer } from 'node:tls';
import { promisify } from 'node:util';
import { StateStore } from '../../lib/state.js';
import { DEFAULT_VCDKECONFIG_SCHEMA_PATH, createVcdApi, seedVcdState, type VcdState } from '../index.js';

export const SCHEMA_PATH = DEFAULT_VCDKECONFIG_SCHEMA_PATH;

export const REGISTRY_URL = 'harbor.sandbox.test:8443/cse';
export const ACCEPT = 'application/json;version=39.0';

export interface VcdUnderTest {
  base: string;
  state: StateStore<VcdState>;
  /** fetch against the stand-in with VCD's Accept header (and a bearer token when given). */
  call(method: string, urlPath: string, init?: { token?: string; headers?: Record<string, string>; body?: unknown }): Promise<Response>;
  login(persona: string): Promise<string>;
  close(): Promise<void>;
}

export async function startVcd(
  opts: { caPem?: string; fillerOrgs?: number; clusters?: { readonly filler?: number } } = {},
): Promise<VcdUnderTest> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vcd-test-'));
  const state = await StateStore.open(
    path.join(dir, 'state.json'),
    () =>
      seedVcdState({
        containerRegistryUrl: REGISTRY_URL,
        caPem: opts.caPem ?? '',
        fillerOrgs: opts.fillerOrgs,
        ...(opts.clusters ? { clusters: opts.clusters } : {}),
      }),
    { reset: true },
  );
  const handle = createVcdApi({ state, vcdKeConfigSchemaPath: SCHEMA_PATH });
  const server = createServer((req, res) => {
    void handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end('not the VCD API');
    });
  });
  const base = `http://127.0.0.1:${await listen(server)}`;

  const call: VcdUnderTest['call'] = (method, urlPath, init = {}) => {
    const headers: Record<string, string> = { Accept: ACCEPT, ...init.headers };
    if (init.token) headers['Authorization'] = `Bearer ${init.token}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    }
    return fetch(`${base}${urlPath}`, { method, headers, body });
  };

  return {
    base,
    state,
    call,
    async login(persona) {
      const provider = persona.endsWith('@System');
      const res = await call('POST', `/cloudapi/1.0.0/sessions${provider ? '/provider' : ''}`, {
        headers: { Authorization: `Basic ${Buffer.from(`${persona}:sandbox`).toString('base64')}` },
      });
      const token = res.headers.get('x-vmware-vcloud-access-token');
      if (res.status !== 200 || !token) throw new Error(`login of ${persona} failed: ${res.status} ${await res.text()}`);
      return token;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  };
}

export function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export interface SelfSigned {
  certPem: string;
  keyPem: string;
}

/**
 * A throw-away certificate (EC P-256: fast) made by openssl: self-signed, or signed by `issuer`.
 * `isCa` makes a CA (basicConstraints CA:TRUE), else a leaf with the given subjectAltName.
 */
export async function makeCertificate(opts: { subjectAltName?: string; issuer?: SelfSigned; isCa?: boolean }): Promise<SelfSigned> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vcd-cert-'));
  try {
    const file = (name: string): string => path.join(dir, name);
    const args = ['req', '-x509', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-days', '1'];
    args.push('-keyout', file('key.pem'), '-out', file('cert.pem'), '-subj', opts.isCa ? '/CN=sandbox-test-ca' : '/CN=sandbox-test');
    args.push('-addext', opts.isCa ? 'basicConstraints=critical,CA:TRUE' : 'basicConstraints=CA:FALSE');
    if (opts.subjectAltName) args.push('-addext', `subjectAltName=${opts.subjectAltName}`);
    if (opts.issuer) {
      await writeFile(file('ca.pem'), opts.issuer.certPem);
      await writeFile(file('ca-key.pem'), opts.issuer.keyPem);
      args.push('-CA', file('ca.pem'), '-CAkey', file('ca-key.pem'));
    }
    await promisify(execFile)('openssl', args);
    return { certPem: await readFile(file('cert.pem'), 'utf8'), keyPem: await readFile(file('key.pem'), 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

/** A self-signed leaf, the "registry with a throw-away certificate" case. */
export function selfSigned(subjectAltName: string): Promise<SelfSigned> {
  return makeCertificate({ subjectAltName });
}

/** A TLS endpoint on 127.0.0.1 serving `cert` (plus `chain`, PEM, after it); resolves to its port and a closer. */
export async function startTlsEndpoint(cert: SelfSigned, chain = ''): Promise<{ port: number; close(): Promise<void> }> {
  const server = createTlsServer({ cert: cert.certPem + chain, key: cert.keyPem }, (socket) => socket.end());
  server.on('tlsClientError', () => undefined); // the probe hangs up once it has the chain
  const port = await listen(server);
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface EchoedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * An HTTPS endpoint on 127.0.0.1 that answers 200 with the request it received as JSON (and
 * `X-Echo: yes`), except `/status/<n>`, which answers status n with a small text body.
 */
export async function startHttpsEcho(cert: SelfSigned, chain = ''): Promise<{ port: number; close(): Promise<void> }> {
  const server = createHttpsServer({ cert: cert.certPem + chain, key: cert.keyPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = /^\/status\/(\d{3})/.exec(req.url ?? '')?.[1];
      if (status) {
        res.writeHead(Number(status), { 'Content-Type': 'text/plain', 'X-Echo': 'yes' }).end(`status ${status}`);
        return;
      }
      const echoed: EchoedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Echo': 'yes', Connection: 'keep-alive' }).end(JSON.stringify(echoed));
    });
  });
  server.on('tlsClientError', () => undefined);
  const port = await listen(server);
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
