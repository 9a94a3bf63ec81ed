// The registry switch and the connection targets, with the real registry behind the VCD stand-in's
// /ext-api, composed the way sandbox.ts composes them.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startConnectionTargets, type ConnectionTargets } from './connection-targets.js';
import { StateStore } from './lib/state.js';
import { createRegistryControl } from './registry-control.js';
import { createTrustingAgent, httpsRequest } from './registry/https-client.js';
import { startSandboxRegistry, type SandboxRegistry } from './registry/index.js';
import { ACCEPT, listen } from './vcd/core/test-harness.js';
import { DEFAULT_VCDKECONFIG_SCHEMA_PATH, createVcdApi, seedVcdState } from './vcd/index.js';

describe('the sandbox registry switch and connection targets', () => {
  let dir: string;
  let registry: SandboxRegistry;
  let targets: ConnectionTargets;
  let server: Server;
  let base: string;
  let admin: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cse-airgap-control-'));
    registry = await startSandboxRegistry({ dataDir: path.join(dir, 'registry'), reset: true });
    targets = await startConnectionTargets(path.join(dir, 'targets'));
    const state = await StateStore.open(
      path.join(dir, 'state.json'),
      () => seedVcdState({ containerRegistryUrl: registry.base, caPem: registry.caPem }),
      { reset: true },
    );
    const vcd = createVcdApi({ state, vcdKeConfigSchemaPath: DEFAULT_VCDKECONFIG_SCHEMA_PATH });
    const control = createRegistryControl(registry);
    server = createServer((req, res) => {
      void (async () => (await control(req, res)) || (await vcd(req, res)) || res.writeHead(404).end())();
    });
    base = `http://127.0.0.1:${await listen(server)}`;
    const login = await fetch(`${base}/cloudapi/1.0.0/sessions/provider`, {
      method: 'POST',
      headers: { Accept: ACCEPT, Authorization: `Basic ${Buffer.from('administrator@System:sandbox').toString('base64')}` },
    });
    admin = login.headers.get('x-vmware-vcloud-access-token') ?? '';
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await targets.stop();
    await registry.stop();
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  const cloudapi = (method: string, urlPath: string, body?: unknown): Promise<Response> =>
    fetch(`${base}/cloudapi/1.0.0${urlPath}`, {
      method,
      headers: { Accept: ACCEPT, Authorization: `Bearer ${admin}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const probe = async (host: string, port: number): Promise<{ connectionResult: string; sslResult: string | null }> => {
    const res = await cloudapi('POST', '/testConnection', { host, port, secure: true, timeout: 5, hostnameVerificationAlgorithm: 'HTTPS' });
    return ((await res.json()) as { targetProbe: { connectionResult: string; sslResult: string | null } }).targetProbe;
  };
  const control = async (action: '' | '/stop' | '/start'): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${base}/sandbox/registry${action}`, { method: action === '' ? 'GET' : 'POST' });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('gives testConnection one target per failure', async () => {
    const untrusted = new URL(targets.untrustedRegistryUrl);
    assert.equal((await probe(untrusted.hostname, Number(untrusted.port))).sslResult, 'ERROR_UNTRUSTED_CERTIFICATE');
    assert.equal((await probe('127.0.0.1', targets.closedPort)).connectionResult, 'ERROR_CANNOT_CONNECT');
    assert.equal((await probe(targets.unknownHost, 443)).connectionResult, 'ERROR_CANNOT_RESOLVE_IP');
    assert.equal((await probe('127.0.0.1', registry.port)).sslResult, 'SUCCESS', 'the registry CA is in the trust store');
  });

  it('reaches Harbor through /ext-api once the provider registered it', async () => {
    const endpoint = await cloudapi('POST', '/externalEndpoints', {
      name: 'harbor-sbx',
      vendor: 'cseairgap',
      version: '1.0.0',
      enabled: true,
      rootUrl: registry.url,
    });
    const { id, name } = (await endpoint.json()) as { id: string; name: string };
    const filter = await cloudapi('POST', '/apiFilters', {
      externalSystem: { id, name },
      urlMatcher: { urlPattern: '/harbor-sbx/.*', urlScope: 'EXT_API' },
    });
    assert.equal(filter.status, 200);
    const ping = await fetch(`${base}/ext-api/harbor-sbx/api/v2.0/ping`, { headers: { Authorization: `Bearer ${admin}` } });
    assert.deepEqual([ping.status, await ping.text()], [200, 'Pong']);
    const project = await fetch(`${base}/ext-api/harbor-sbx/api/v2.0/projects/cse`, {
      headers: { Authorization: `Bearer ${admin}`, Accept: ACCEPT },
    });
    assert.equal(((await project.json()) as { metadata: { public: string } }).metadata.public, 'true');
  });

  it('records the headers that reached the registry (GET/DELETE /sandbox/registry/requests)', async () => {
    const endpoint = await cloudapi('POST', '/externalEndpoints', {
      name: 'harbor-quiet',
      vendor: 'cseairgap',
      version: '1.0.0',
      enabled: true,
      authorizationEnabled: false,
      rootUrl: registry.url,
    });
    const { id, name } = (await endpoint.json()) as { id: string; name: string };
    await cloudapi('POST', '/apiFilters', {
      externalSystem: { id, name },
      urlMatcher: { urlPattern: '/harbor-quiet/.*', urlScope: 'EXT_API' },
    });
    assert.equal((await fetch(`${base}/sandbox/registry/requests`, { method: 'DELETE' })).status, 200);
    for (const prefix of ['harbor-sbx', 'harbor-quiet']) {
      await fetch(`${base}/ext-api/${prefix}/api/v2.0/ping`, { headers: { Authorization: `Bearer ${admin}`, 'X-Probe': prefix } });
    }
    const { values } = (await (await fetch(`${base}/sandbox/registry/requests`)).json()) as {
      values: { method: string; path: string; headers: [string, string][] }[];
    };
    const authorizationOf = (probe: string): string | undefined => {
      const request = values.find((candidate) => candidate.headers.some(([header, value]) => header === 'x-probe' && value === probe));
      assert.ok(request, probe);
      assert.deepEqual([request.method, request.path], ['GET', '/api/v2.0/ping']);
      return request.headers.find(([header]) => header.toLowerCase() === 'authorization')?.[1];
    };
    assert.equal(authorizationOf('harbor-sbx'), `Bearer ${admin}`, 'authorizationEnabled unset: the worst case, forwarded');
    assert.equal(authorizationOf('harbor-quiet'), undefined, 'authorizationEnabled false: kept behind');
    await fetch(`${base}/sandbox/registry/requests`, { method: 'DELETE' });
    assert.deepEqual(((await (await fetch(`${base}/sandbox/registry/requests`)).json()) as { values: unknown[] }).values, []);
  });

  it('stops the registry (refused, 502 through /ext-api) and starts it again on the same port', async () => {
    assert.deepEqual(await control(''), {
      status: 200,
      body: { running: true, url: registry.url, base: registry.base, caFile: registry.caFile },
    });
    const stopped = await control('/stop');
    assert.deepEqual([stopped.status, stopped.body['running']], [200, false]);
    assert.equal((await probe('127.0.0.1', registry.port)).connectionResult, 'ERROR_CANNOT_CONNECT');
    const viaVcd = await fetch(`${base}/ext-api/harbor-sbx/api/v2.0/ping`, { headers: { Authorization: `Bearer ${admin}` } });
    assert.equal(viaVcd.status, 502);

    const started = await control('/start');
    assert.deepEqual([started.status, started.body['running'], started.body['url']], [200, true, `https://127.0.0.1:${registry.port}`]);
    const ping = await fetch(`${base}/ext-api/harbor-sbx/api/v2.0/ping`, { headers: { Authorization: `Bearer ${admin}` } });
    assert.equal(await ping.text(), 'Pong');
  });

  describe('faults (POST/DELETE /sandbox/registry/faults)', () => {
    const faults = async (
      method: 'GET' | 'POST' | 'DELETE',
      body?: unknown,
    ): Promise<{ status: number; body: Record<string, unknown> }> => {
      const res = await fetch(`${base}/sandbox/registry/faults`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    /** One request on a fresh connection: a reset must not poison a kept-alive socket. */
    const registryGet = async (path: string): Promise<{ status: number; ms: number } | { reset: string; ms: number }> => {
      const agent = createTrustingAgent(registry.caPem);
      const started = performance.now();
      try {
        const res = await httpsRequest(`${registry.url}${path}`, { agent, timeoutMs: 5000 });
        return { status: res.status, ms: performance.now() - started };
      } catch (error) {
        return { reset: (error as NodeJS.ErrnoException).code ?? String(error), ms: performance.now() - started };
      } finally {
        agent.destroy();
      }
    };
    after(async () => {
      await faults('DELETE');
    });

    it('answers 5xx for /v2/ and /api/v2.0/, never for the token service, until cleared', async () => {
      const set = await faults('POST', { errorRate: 1 });
      assert.equal(set.status, 200);
      assert.deepEqual(set.body['faults'], {
        latencyMs: 0,
        errorRate: 1,
        status: 503,
        resetRate: 0,
        pathPattern: null,
        hugeHeader: null,
        endlessListings: null,
        pemBody: null,
      });
      assert.equal(((await registryGet('/v2/')) as { status: number }).status, 503);
      assert.equal(((await registryGet('/api/v2.0/ping')) as { status: number }).status, 503);
      assert.equal(((await registryGet('/service/token?service=harbor-registry')) as { status: number }).status, 200);
      assert.deepEqual((await faults('GET')).body['injected'], {
        delayed: 0,
        errors: 2,
        resets: 0,
        hugeHeaders: 0,
        listingPages: 0,
        pemBodies: 0,
      });

      const cleared = await faults('DELETE');
      assert.deepEqual([cleared.status, cleared.body['faults']], [200, null]);
      assert.equal(((await registryGet('/api/v2.0/ping')) as { status: number }).status, 200);
    });

    it('adds latency, uses the given status, and keeps to pathPattern', async () => {
      await faults('POST', { latencyMs: 150, errorRate: 1, status: 502, pathPattern: '^/api/v2\\.0/ping$' });
      const slow = (await registryGet('/api/v2.0/ping')) as { status: number; ms: number };
      assert.equal(slow.status, 502);
      assert.ok(slow.ms >= 140, `took ${slow.ms} ms`);
      const other = (await registryGet('/api/v2.0/systeminfo')) as { status: number; ms: number };
      assert.equal(other.status, 200, 'outside pathPattern');
      await faults('DELETE');
    });

    it('resets connections: the client gets no answer at all', async () => {
      await faults('POST', { resetRate: 1 });
      const answer = await registryGet('/v2/');
      assert.ok('reset' in answer, `expected a reset, got ${JSON.stringify(answer)}`);
      assert.equal(answer.reset, 'ECONNRESET');
      await faults('DELETE');
      assert.equal(((await registryGet('/v2/')) as { status: number }).status, 401, 'anonymous /v2/ asks for a token again');
    });

    it('mixes outcomes by fraction', async () => {
      await faults('POST', { errorRate: 0.5 });
      const statuses = new Set<number>();
      for (let i = 0; i < 40 && statuses.size < 2; i++) statuses.add(((await registryGet('/api/v2.0/ping')) as { status: number }).status);
      assert.deepEqual([...statuses].sort(), [200, 503]);
      await faults('DELETE');
    });

    it('serves a hostile registry: a 1 MiB header, Harbor listings without end, a megabyte of PEM markers', async () => {
      const MiB = 1_048_576;
      const agent = createTrustingAgent(registry.caPem);
      try {
        await faults('POST', { hugeHeader: { name: 'WWW-Authenticate' } });
        const challenged = await httpsRequest(`${registry.url}/v2/`, { agent, maxHeaderSize: 2 * MiB });
        assert.deepEqual([challenged.status, challenged.headers['www-authenticate']?.length], [401, MiB], "instead of the registry's own");
        // The VCD stand-in reads the endpoint's answer with Node's limit on a head (16 KiB): it cannot forward this one.
        const viaVcd = await fetch(`${base}/ext-api/harbor-sbx/v2/`, { headers: { Authorization: `Bearer ${admin}` } });
        assert.equal(viaVcd.status, 502);

        await faults('POST', { endlessListings: {}, pemBody: {} });
        const listing = `/api/v2.0/projects/cse/repositories/tkg%252Fetcd/artifacts?with_tag=true&page=5000&page_size=100`;
        const page = await fetch(`${base}/ext-api/harbor-sbx${listing}`, { headers: { Authorization: `Bearer ${admin}` } });
        assert.equal(page.headers.get('x-total-count'), '1000000000000');
        assert.match(page.headers.get('link') ?? '', /page=5001&page_size=100>; rel="next"$/);
        assert.equal(((await page.json()) as unknown[]).length, 100);
        const certificate = await httpsRequest(`${registry.url}/api/v2.0/systeminfo/getcert`, { agent });
        assert.equal(certificate.body.length, MiB);
        assert.ok(certificate.body.toString('latin1').startsWith('-----BEGIN CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\n'));
        const project = await fetch(`${base}/ext-api/harbor-sbx/api/v2.0/projects/cse`, { headers: { Authorization: `Bearer ${admin}` } });
        assert.equal(project.status, 200, 'what is not a listing goes to Harbor as usual');
        assert.deepEqual((await faults('GET')).body['injected'], {
          delayed: 0,
          errors: 0,
          resets: 0,
          hugeHeaders: 0,
          listingPages: 1,
          pemBodies: 1,
        });
      } finally {
        agent.destroy();
        await faults('DELETE');
      }
    });

    it('refuses a bad body with 400 and a reason, and other methods with 405', async () => {
      const bad = await faults('POST', { errorRate: 2 });
      assert.equal(bad.status, 400);
      assert.match(String(bad.body['error']), /errorRate/);
      const notJson = await fetch(`${base}/sandbox/registry/faults`, { method: 'POST', body: '{' });
      assert.equal(notJson.status, 400);
      assert.equal((await fetch(`${base}/sandbox/registry/faults`, { method: 'PUT' })).status, 405);
      assert.equal((await faults('GET')).body['faults'], null, 'a refused body changes nothing');
    });
  });

  it('answers 405 to a GET on stop', async () => {
    assert.equal((await fetch(`${base}/sandbox/registry/stop`)).status, 405);
  });
});
