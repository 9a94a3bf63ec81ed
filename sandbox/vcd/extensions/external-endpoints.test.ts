import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  listen,
  makeCertificate,
  selfSigned,
  startHttpsEcho,
  startVcd,
  type EchoedRequest,
  type SelfSigned,
  type VcdUnderTest,
} from '../core/test-harness.js';

const ENDPOINTS = '/cloudapi/1.0.0/externalEndpoints';
const FILTERS = '/cloudapi/1.0.0/apiFilters';

interface Endpoint {
  id: string;
  name: string;
  vendor: string;
  version: string;
  enabled: boolean;
  rootUrl: string;
}

describe('external endpoints, API filters and /ext-api', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  let ca: SelfSigned;
  let endpoint: { port: number; close(): Promise<void> };

  before(async () => {
    ca = await makeCertificate({ isCa: true });
    const leaf = await makeCertificate({ subjectAltName: 'IP:127.0.0.1', issuer: ca });
    endpoint = await startHttpsEcho(leaf, ca.certPem);
    vcd = await startVcd({ caPem: ca.certPem });
    admin = await vcd.login('administrator@System');
  });
  after(async () => {
    await vcd.close();
    await endpoint.close();
  });

  const createEndpoint = async (name: string, rootUrl: string, enabled = true): Promise<Endpoint> => {
    const res = await vcd.call('POST', ENDPOINTS, {
      token: admin,
      body: { name, vendor: 'cseairgap', version: '1.0.0', enabled, rootUrl },
    });
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as Endpoint;
  };
  const createFilter = async (target: Endpoint, urlPattern: string): Promise<{ id: string }> => {
    const res = await vcd.call('POST', FILTERS, {
      token: admin,
      body: { externalSystem: { id: target.id, name: target.name }, urlMatcher: { urlPattern, urlScope: 'EXT_API' } },
    });
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as { id: string };
  };
  const extApi = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${vcd.base}/ext-api${path}`, init);

  describe('externalEndpoints', () => {
    it('creates with 200 and the id VCD gives, and refuses a duplicate with 400', async () => {
      const created = await createEndpoint('duplicate-me', 'https://registry.example.test');
      assert.equal(created.id, 'urn:vcloud:extensionEndpoint:cseairgap:duplicate-me:1.0.0');
      const again = await vcd.call('POST', ENDPOINTS, {
        token: admin,
        body: { name: 'duplicate-me', vendor: 'cseairgap', version: '1.0.0', enabled: false, rootUrl: 'https://other.test' },
      });
      assert.equal(again.status, 400);
    });

    it('refuses a plain http rootUrl, a pre-release version and a name with a dot', async () => {
      const bodies = [
        { name: 'a', vendor: 'v', version: '1.0.0', enabled: true, rootUrl: 'http://insecure.test' },
        { name: 'a', vendor: 'v', version: '1.0.0-beta', enabled: true, rootUrl: 'https://x.test' },
        { name: 'a.b', vendor: 'v', version: '1.0.0', enabled: true, rootUrl: 'https://x.test' },
      ];
      for (const body of bodies)
        assert.equal((await vcd.call('POST', ENDPOINTS, { token: admin, body })).status, 400, JSON.stringify(body));
    });

    it('deletes only a disabled endpoint: 400 while enabled, then 204', async () => {
      const created = await createEndpoint('delete-me', 'https://registry.example.test');
      const path = `${ENDPOINTS}/${created.id}`;
      assert.equal((await vcd.call('DELETE', path, { token: admin })).status, 400);
      const disabled = await vcd.call('PUT', path, { token: admin, body: { ...created, name: 'renamed', enabled: false } });
      assert.equal(disabled.status, 200);
      const updated = (await disabled.json()) as Endpoint;
      assert.deepEqual([updated.name, updated.enabled], ['delete-me', false], 'name cannot change, enabled can');
      assert.equal((await vcd.call('DELETE', path, { token: admin })).status, 204);
      assert.equal((await vcd.call('GET', path, { token: admin })).status, 403);
    });

    it('lists in VCD pages, filterable by vendor and name', async () => {
      const res = await vcd.call('GET', `${ENDPOINTS}?filter=name==duplicate-me;vendor==cseairgap`, { token: admin });
      const page = (await res.json()) as { resultTotal: number; values: Endpoint[] };
      assert.deepEqual([res.status, page.resultTotal, page.values[0]?.name], [200, 1, 'duplicate-me']);
    });

    it('is for System administrators only: 403 for a tenant and for the provider viewer', async () => {
      for (const persona of ['acme-admin@acme', 'cse-viewer@System']) {
        const token = await vcd.login(persona);
        assert.equal((await vcd.call('GET', ENDPOINTS, { token })).status, 403, persona);
        assert.equal((await vcd.call('GET', FILTERS, { token })).status, 403, persona);
      }
    });
  });

  describe('apiFilters', () => {
    it('refuses a pattern that does not end with .*, an unknown endpoint and the API scope', async () => {
      const target = await createEndpoint('filter-rules', 'https://registry.example.test');
      const post = (externalSystem: object, urlMatcher: object): Promise<Response> =>
        vcd.call('POST', FILTERS, { token: admin, body: { externalSystem, urlMatcher } });
      const system = { id: target.id, name: target.name };
      assert.equal((await post(system, { urlPattern: '/custom/', urlScope: 'EXT_API' })).status, 400);
      assert.equal((await post(system, { urlPattern: '/custom/.*', urlScope: 'API' })).status, 400);
      assert.equal(
        (await post({ id: 'urn:vcloud:extensionEndpoint:x:y:1.0.0', name: 'y' }, { urlPattern: '/c/.*', urlScope: 'EXT_API' })).status,
        400,
      );
    });

    it('reads back in VCD shape and deletes with 204; an endpoint in use cannot be deleted', async () => {
      const target = await createEndpoint('shape', 'https://registry.example.test', false);
      const { id } = await createFilter(target, '/shape/.*');
      assert.match(id, /^urn:vcloud:apiFilter:[0-9a-f-]{36}$/);
      const read = (await (await vcd.call('GET', `${FILTERS}/${id}`, { token: admin })).json()) as Record<string, unknown>;
      assert.deepEqual(read, {
        id,
        externalSystem: { name: 'shape', id: target.id },
        urlMatcher: { urlPattern: '/shape/.*', urlScope: 'EXT_API' },
        responseContentType: null,
      });
      assert.equal((await vcd.call('DELETE', `${ENDPOINTS}/${target.id}`, { token: admin })).status, 400, 'still used by a filter');
      assert.equal((await vcd.call('DELETE', `${FILTERS}/${id}`, { token: admin })).status, 204);
      assert.equal((await vcd.call('DELETE', `${ENDPOINTS}/${target.id}`, { token: admin })).status, 204);
    });
  });

  describe('/ext-api', () => {
    let tenant: string;
    before(async () => {
      const echo = await createEndpoint('harbor-sbx', `https://127.0.0.1:${endpoint.port}`);
      await createFilter(echo, '/harbor-sbx/.*');
      tenant = await vcd.login('acme-user@acme');
    });

    it('strips the prefix, keeps the raw path and query, streams the body, and answers with the endpoint', async () => {
      const res = await extApi('/harbor-sbx/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts?page=2&with_tag=true', {
        method: 'POST',
        headers: { Authorization: `Bearer ${tenant}`, 'Content-Type': 'application/json', 'X-Custom': 'kept' },
        body: JSON.stringify({ test: '123' }),
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('x-echo'), 'yes');
      const echoed = (await res.json()) as EchoedRequest;
      assert.deepEqual(
        [echoed.method, echoed.url, echoed.body, echoed.headers['x-custom'], echoed.headers['host']],
        [
          'POST',
          '/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts?page=2&with_tag=true',
          '{"test":"123"}',
          'kept',
          `127.0.0.1:${endpoint.port}`,
        ],
      );
    });

    it("keeps VCD's versioned Accept behind (which other headers go along: ext-api-model.test.ts)", async () => {
      const res = await extApi('/harbor-sbx/api/v2.0/ping', {
        headers: { 'x-vcloud-authorization': tenant, Accept: 'application/json;version=39.0' },
      });
      const echoed = (await res.json()) as EchoedRequest;
      assert.equal(echoed.headers['accept'], undefined);
    });

    it('passes the root for the bare prefix and the endpoint status through', async () => {
      const root = (await (await extApi('/harbor-sbx/', { headers: { Authorization: `Bearer ${admin}` } })).json()) as EchoedRequest;
      assert.equal(root.url, '/');
      const notFound = await extApi('/harbor-sbx/status/404', { headers: { Authorization: `Bearer ${admin}` } });
      assert.deepEqual([notFound.status, await notFound.text()], [404, 'status 404']);
    });

    it('answers 401 without a valid token and 404 when no filter matches', async () => {
      assert.equal((await extApi('/harbor-sbx/api/v2.0/ping')).status, 401);
      assert.equal((await extApi('/harbor-sbx/api/v2.0/ping', { headers: { Authorization: 'Bearer forged.token.value' } })).status, 401);
      const unmatched = await extApi('/nothing-here/x', { headers: { Authorization: `Bearer ${admin}` } });
      assert.equal(unmatched.status, 404);
      assert.equal(((await unmatched.json()) as Record<string, string>)['minorErrorCode'], 'RESOURCE_NOT_FOUND');
    });

    it('treats a disabled endpoint as absent (404)', async () => {
      const off = await createEndpoint('switched-off', `https://127.0.0.1:${endpoint.port}`, false);
      await createFilter(off, '/switched-off/.*');
      assert.equal((await extApi('/switched-off/x', { headers: { Authorization: `Bearer ${admin}` } })).status, 404);
    });

    it('answers 502 with a VCD error for an untrusted certificate and for a closed port', async () => {
      const stranger = await startHttpsEcho(await selfSigned('IP:127.0.0.1'));
      const closed = createServer();
      const closedPort = await listen(closed);
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      try {
        await createFilter(await createEndpoint('untrusted', `https://127.0.0.1:${stranger.port}`), '/untrusted/.*');
        await createFilter(await createEndpoint('down', `https://127.0.0.1:${closedPort}`), '/down/.*');
        for (const prefix of ['untrusted', 'down']) {
          const res = await extApi(`/${prefix}/api/v2.0/ping`, { headers: { Authorization: `Bearer ${admin}` } });
          assert.equal(res.status, 502, prefix);
          assert.equal(((await res.json()) as Record<string, string>)['minorErrorCode'], 'BAD_GATEWAY', prefix);
        }
      } finally {
        await stranger.close();
      }
    });

    it('is logged and can be made to fail by an injected fault', async () => {
      await fetch(`${vcd.base}/sandbox/requests`, { method: 'DELETE' });
      await fetch(`${vcd.base}/sandbox/faults`, {
        method: 'POST',
        body: JSON.stringify({ pathPattern: '^/ext-api/harbor-sbx/', status: 503 }),
      });
      const failed = await extApi('/harbor-sbx/api/v2.0/ping', { headers: { Authorization: `Bearer ${admin}` } });
      assert.equal(failed.status, 503);
      const { values } = (await (await fetch(`${vcd.base}/sandbox/requests`)).json()) as { values: { path: string; status: number }[] };
      assert.deepEqual(
        values.map((entry) => [entry.path, entry.status]),
        [['/ext-api/harbor-sbx/api/v2.0/ping', 503]],
      );
    });
  });
});
