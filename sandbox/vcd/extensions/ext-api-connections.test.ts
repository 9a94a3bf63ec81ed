// /ext-api keeps its connections to an endpoint, as VCD's pooled HTTP client does: requests in a
// row share one TLS connection, and an endpoint System does not trust is still refused.
import assert from 'node:assert/strict';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { closeEndpointAgents } from './ext-api-connections.js';
import { makeCertificate, startVcd, type SelfSigned, type VcdUnderTest } from '../core/test-harness.js';

async function startCountingEndpoint(leaf: SelfSigned, chain: string): Promise<{ port: number; connections: () => number; close(): void }> {
  let connections = 0;
  const server = createServer({ cert: leaf.certPem + chain, key: leaf.keyPem }, (_req, res) => res.end('ok'));
  server.on('secureConnection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('/ext-api connections', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  let trusted: Awaited<ReturnType<typeof startCountingEndpoint>>;
  let untrusted: Awaited<ReturnType<typeof startCountingEndpoint>>;

  before(async () => {
    const ca = await makeCertificate({ isCa: true });
    const stranger = await makeCertificate({ isCa: true });
    trusted = await startCountingEndpoint(await makeCertificate({ subjectAltName: 'IP:127.0.0.1', issuer: ca }), ca.certPem);
    untrusted = await startCountingEndpoint(await makeCertificate({ subjectAltName: 'IP:127.0.0.1', issuer: stranger }), stranger.certPem);
    vcd = await startVcd({ caPem: ca.certPem });
    admin = await vcd.login('administrator@System');
    for (const [name, port] of [
      ['pooled', trusted.port],
      ['stranger', untrusted.port],
    ] as const) {
      const endpoint = await vcd.call('POST', '/cloudapi/1.0.0/externalEndpoints', {
        token: admin,
        body: { name, vendor: 'cseairgap', version: '1.0.0', enabled: true, rootUrl: `https://127.0.0.1:${port}` },
      });
      const { id } = (await endpoint.json()) as { id: string };
      await vcd.call('POST', '/cloudapi/1.0.0/apiFilters', {
        token: admin,
        body: { externalSystem: { id, name }, urlMatcher: { urlPattern: `/${name}/.*`, urlScope: 'EXT_API' } },
      });
    }
  });
  after(async () => {
    closeEndpointAgents();
    await vcd.close();
    trusted.close();
    untrusted.close();
  });

  it('carries requests in a row over one TLS connection to the endpoint', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${vcd.base}/ext-api/pooled/v2/`, { headers: { Authorization: `Bearer ${admin}` } });
      assert.deepEqual([res.status, await res.text()], [200, 'ok']);
    }
    assert.equal(trusted.connections(), 1);
  });

  it('still refuses an endpoint whose certificate System does not trust', async () => {
    const res = await fetch(`${vcd.base}/ext-api/stranger/v2/`, { headers: { Authorization: `Bearer ${admin}` } });
    assert.equal(res.status, 502);
    assert.match(await res.text(), /not trusted by the System organization/);
  });
});
