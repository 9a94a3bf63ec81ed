// Targets for the plug-in's connection checks (testConnection, /ext-api) besides the real registry:
// - an "untrusted registry": HTTPS on a free loopback port with a self-signed certificate that is
//   in no VCD trust store (it answers like a Harbor: /api/v2.0/ping → Pong, /v2/ → 401);
// - a closed port: free when the sandbox starts, and nothing of the sandbox listens on it
//   (another program could take it later: tests should treat "connected" there as a surprise);
// - an unknown host: `registry.invalid`, which RFC 2606 guarantees never resolves.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findFreePort, isPortFree } from './lib/ports.js';

export const UNKNOWN_HOST = 'registry.invalid';

export interface ConnectionTargets {
  /** `https://127.0.0.1:<port>` */
  readonly untrustedRegistryUrl: string;
  readonly untrustedCertificatePem: string;
  readonly closedPort: number;
  readonly unknownHost: string;
  stop(): Promise<void>;
}

export async function startConnectionTargets(dir: string): Promise<ConnectionTargets> {
  await mkdir(dir, { recursive: true });
  const { certPem, keyPem } = await selfSignedCertificate(dir);
  const server = createServer({ cert: certPem, key: keyPem }, (req, res) => {
    req.resume();
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/api/v2.0/ping') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('Pong');
    } else if (path === '/v2/' || path === '/v2') {
      res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Basic realm="untrusted-registry"' });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required', detail: null }] }));
    } else {
      res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ errors: [{ code: 'NOT_FOUND', message: 'not found' }] }));
    }
  });
  server.on('tlsClientError', () => undefined); // probes hang up once they have the certificate
  const port = await listen(server);
  const closedPort = await findClosedPort(port);
  return {
    untrustedRegistryUrl: `https://127.0.0.1:${port}`,
    untrustedCertificatePem: certPem,
    closedPort,
    unknownHost: UNKNOWN_HOST,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** A port the kernel just handed out and released, checked free once more. */
async function findClosedPort(avoid: number): Promise<number> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const port = await findFreePort();
    if (port !== avoid && (await isPortFree(port))) return port;
  }
  throw new Error('could not find a free loopback port to leave closed');
}

/** A self-signed leaf for localhost and 127.0.0.1 (EC P-256: fast), made once and kept in `dir`. */
async function selfSignedCertificate(dir: string): Promise<{ certPem: string; keyPem: string }> {
  const certFile = join(dir, 'untrusted.crt');
  const keyFile = join(dir, 'untrusted.key');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-nodes',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-sha256',
      '-days',
      '825',
      '-subj',
      '/O=CSE Airgap Sandbox/CN=untrusted-registry',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-addext',
      'basicConstraints=critical,CA:FALSE',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ]);
  }
  return { certPem: await readFile(certFile, 'utf8'), keyPem: await readFile(keyFile, 'utf8') };
}
