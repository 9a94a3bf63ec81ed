// The front door with HTTP/2 switched on: the registry (through the proxy), the token service and
// the Harbor façade answer over h2 on one connection, and HTTP/1.1 clients are served as before.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type ClientHttp2Session } from 'node:http2';
import type { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTrustingAgent } from './https-client.js';
import { MANIFEST_ACCEPT, startSandboxRegistry, type SandboxRegistry } from './index.js';
import { RegistryTestClient } from './testing/registry-test-client.js';

function send(
  session: ClientHttp2Session,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': method, ':path': path, ...headers }, { endStream: true });
    let body = '';
    let received: Record<string, unknown> = {};
    stream.setEncoding('utf8');
    stream.on('response', (answer) => (received = answer));
    stream.on('data', (chunk: string) => (body += chunk));
    stream.on('end', () => resolve({ status: Number(received[':status']), headers: received, body }));
    stream.on('error', reject);
  });
}

describe('the front door over HTTP/2', () => {
  let dataDir: string;
  let registry: SandboxRegistry;
  let session: ClientHttp2Session;
  let agent: Agent;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cse-airgap-h2-'));
    registry = await startSandboxRegistry({ dataDir, reset: true, http2: true });
    session = connect(`https://localhost:${registry.port}`, { ca: registry.caPem });
    agent = createTrustingAgent(registry.caPem);
  });
  after(async () => {
    session.close();
    agent.destroy();
    await registry.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  it('pulls a manifest with an anonymous token, all on one h2 connection', async () => {
    const scope = encodeURIComponent('repository:cse/tkg/kube-proxy:pull');
    const token = await send(session, 'GET', `/service/token?service=harbor-registry&scope=${scope}`);
    assert.equal(token.status, 200);
    const bearer = (JSON.parse(token.body) as { token: string }).token;
    const head = await send(session, 'HEAD', '/v2/cse/tkg/kube-proxy/manifests/v1.27.5_vmware.1', {
      accept: MANIFEST_ACCEPT,
      authorization: `Bearer ${bearer}`,
    });
    assert.equal(head.status, 200);
    assert.match(String(head.headers['docker-content-digest']), /^sha256:/);
    const list = await send(session, 'GET', '/v2/cse/tkg/kube-proxy/tags/list', { authorization: `Bearer ${bearer}` });
    assert.deepEqual((JSON.parse(list.body) as { tags: string[] }).tags, ['v1.27.5_vmware.1']);
  });

  it('answers the Harbor façade anonymously over h2', async () => {
    const artifacts = await send(session, 'GET', '/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts?with_tag=true');
    assert.equal(artifacts.status, 200);
    assert.equal(artifacts.headers['x-total-count'], '1');
    assert.equal((JSON.parse(artifacts.body) as { tags: { name: string }[] }[])[0]?.tags[0]?.name, 'v1.27.5_vmware.1');
  });

  it('still serves an HTTP/1.1 client', async () => {
    const client = new RegistryTestClient(registry.url, agent);
    assert.equal((await client.get('/api/v2.0/ping')).status, 200);
  });
});
