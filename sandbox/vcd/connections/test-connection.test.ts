import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  listen,
  makeCertificate,
  selfSigned,
  startTlsEndpoint,
  startVcd,
  type SelfSigned,
  type VcdUnderTest,
} from '../core/test-harness.js';

interface ProbeResult {
  result: string;
  resolvedIp: string | null;
  canConnect: boolean;
  sslHandshake: boolean;
  connectionResult: string;
  sslResult: string | null;
  certificateChain: string | null;
}

describe('POST /cloudapi/1.0.0/testConnection', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  let ipCert: SelfSigned;
  let endpoint: { port: number; close(): Promise<void> };

  before(async () => {
    vcd = await startVcd();
    admin = await vcd.login('administrator@System');
    ipCert = await selfSigned('IP:127.0.0.1');
    endpoint = await startTlsEndpoint(ipCert);
  });
  after(async () => {
    await endpoint.close();
    await vcd.close();
  });

  const test = async (body: Record<string, unknown>, token = admin): Promise<ProbeResult> => {
    const res = await vcd.call('POST', '/cloudapi/1.0.0/testConnection', { token, body: { secure: true, timeout: 5, ...body } });
    assert.equal(res.status, 200, await res.clone().text());
    const answer = (await res.json()) as { targetProbe: ProbeResult; proxyProbe: unknown };
    assert.equal(answer.proxyProbe, null);
    return answer.targetProbe;
  };

  it('reports an untrusted self-signed certificate with the chain it was served', async () => {
    const probe = await test({ host: '127.0.0.1', port: endpoint.port, hostnameVerificationAlgorithm: 'HTTPS' });
    assert.deepEqual(
      [probe.resolvedIp, probe.canConnect, probe.connectionResult, probe.sslHandshake, probe.sslResult],
      ['127.0.0.1', true, 'SUCCESS', false, 'ERROR_UNTRUSTED_CERTIFICATE'],
    );
    assert.equal(probe.certificateChain?.trim(), ipCert.certPem.trim());
  });

  it('succeeds once the certificate is in the trusted certificates', async () => {
    const trusted = await vcd.call('POST', '/cloudapi/1.0.0/ssl/trustedCertificates', {
      token: admin,
      body: { alias: 'test-endpoint', certificate: ipCert.certPem },
    });
    assert.equal(trusted.status, 201);
    const probe = await test({ host: '127.0.0.1', port: endpoint.port, hostnameVerificationAlgorithm: 'HTTPS' });
    assert.deepEqual([probe.sslHandshake, probe.sslResult], [true, 'SUCCESS']);
  });

  it('reports a trusted certificate issued for another name', async () => {
    const otherName = await selfSigned('DNS:registry.elsewhere.test');
    const other = await startTlsEndpoint(otherName);
    try {
      await vcd.call('POST', '/cloudapi/1.0.0/ssl/trustedCertificates', {
        token: admin,
        body: { alias: 'other', certificate: otherName.certPem },
      });
      const verified = await test({ host: '127.0.0.1', port: other.port, hostnameVerificationAlgorithm: 'HTTPS' });
      assert.equal(verified.sslResult, 'ERROR_CANNOT_VERIFY_HOSTNAME');
      const unverified = await test({ host: '127.0.0.1', port: other.port });
      assert.equal(unverified.sslResult, 'SUCCESS', 'no algorithm, no hostname check');
    } finally {
      await other.close();
    }
  });

  it('reports a closed port as ERROR_CANNOT_CONNECT', async () => {
    const server = createTcpServer();
    const port = await listen(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const probe = await test({ host: '127.0.0.1', port });
    assert.deepEqual([probe.canConnect, probe.connectionResult, probe.sslResult], [false, 'ERROR_CANNOT_CONNECT', null]);
  });

  it('reports an unknown host as ERROR_CANNOT_RESOLVE_IP', async () => {
    const probe = await test({ host: 'no-such-host.invalid', port: 443 });
    assert.deepEqual([probe.resolvedIp, probe.connectionResult], [null, 'ERROR_CANNOT_RESOLVE_IP']);
  });

  it('reports a plain HTTP port probed as secure as ERROR_SSL_ERROR', async () => {
    const server = createHttpServer((_, res) => res.end('plain'));
    const port = await listen(server);
    try {
      const probe = await test({ host: '127.0.0.1', port });
      assert.deepEqual([probe.canConnect, probe.sslHandshake, probe.sslResult], [true, false, 'ERROR_SSL_ERROR']);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('gives up on a silent port after the requested timeout', async () => {
    const sockets: Socket[] = [];
    const server = createTcpServer((socket) => void sockets.push(socket)); // accepts, never answers
    const port = await listen(server);
    try {
      const started = Date.now();
      const probe = await test({ host: '127.0.0.1', port, timeout: 1 });
      const elapsed = Date.now() - started;
      assert.equal(probe.sslResult, 'ERROR_SSL_ERROR');
      assert.ok(elapsed >= 900 && elapsed < 4000, `took ${elapsed} ms`);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('connects without TLS when secure is false', async () => {
    const probe = await test({ host: '127.0.0.1', port: endpoint.port, secure: false });
    assert.deepEqual([probe.canConnect, probe.sslResult, probe.certificateChain], [true, null, null]);
  });

  it('trusts a leaf through the CA given to seedVcdState, as for the sandbox registry', async () => {
    const ca = await makeCertificate({ isCa: true });
    const leaf = await makeCertificate({ subjectAltName: 'IP:127.0.0.1', issuer: ca });
    const registry = await startTlsEndpoint(leaf, ca.certPem);
    const seeded = await startVcd({ caPem: ca.certPem });
    try {
      const token = await seeded.login('acme-admin@acme');
      const res = await seeded.call('POST', '/cloudapi/1.0.0/testConnection', {
        token,
        body: { host: '127.0.0.1', port: registry.port, secure: true, timeout: 5, hostnameVerificationAlgorithm: 'HTTPS' },
      });
      const { targetProbe } = (await res.json()) as { targetProbe: ProbeResult };
      assert.equal(targetProbe.sslResult, 'SUCCESS', targetProbe.result);
      assert.equal(targetProbe.certificateChain?.match(/BEGIN CERTIFICATE/g)?.length, 2, 'leaf and CA, as served');
    } finally {
      await seeded.close();
      await registry.close();
    }
  });

  it('refuses a request without host or with a bad port', async () => {
    const noHost = await vcd.call('POST', '/cloudapi/1.0.0/testConnection', { token: admin, body: { port: 443 } });
    const badPort = await vcd.call('POST', '/cloudapi/1.0.0/testConnection', { token: admin, body: { host: 'x', port: 70000 } });
    assert.deepEqual([noHost.status, badPort.status], [400, 400]);
  });
});
