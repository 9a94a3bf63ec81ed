// What the sandbox's /ext-api assumes of VCD, tested against an HTTPS echo: how a filter pattern
// maps a URL onto the endpoint's rootUrl (documented: only what the final `.*` matches is
// appended), and which of the caller's headers reach the endpoint (not documented: the worst case,
// with the caller's Authorization kept behind only when the endpoint has authorizationEnabled false).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { NO_FILTER_MATCHES } from './ext-api.js';
import { makeCertificate, startHttpsEcho, startVcd, type EchoedRequest, type VcdUnderTest } from '../core/test-harness.js';

const ENDPOINTS = '/cloudapi/1.0.0/externalEndpoints';
const FILTERS = '/cloudapi/1.0.0/apiFilters';

interface Endpoint {
  id: string;
  name: string;
  authorizationEnabled: boolean | null;
}

/** A GET with the path exactly as given (fetch would resolve `..` before sending). */
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('/ext-api as the sandbox assumes VCD serves it', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  let tenant: string;
  let echo: { port: number; close(): Promise<void> };

  before(async () => {
    const ca = await makeCertificate({ isCa: true });
    echo = await startHttpsEcho(await makeCertificate({ subjectAltName: 'IP:127.0.0.1', issuer: ca }), ca.certPem);
    vcd = await startVcd({ caPem: ca.certPem });
    admin = await vcd.login('administrator@System');
    tenant = await vcd.login('acme-user@acme');
  });
  after(async () => {
    await vcd.close();
    await echo.close();
  });

  const createEndpoint = async (name: string, extra: Record<string, unknown> = {}): Promise<Endpoint> => {
    const body = { name, vendor: 'model', version: '1.0.0', enabled: true, rootUrl: `https://127.0.0.1:${echo.port}`, ...extra };
    const res = await vcd.call('POST', ENDPOINTS, { token: admin, body });
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as Endpoint;
  };
  const createFilters = async (target: Endpoint, ...patterns: string[]): Promise<void> => {
    for (const urlPattern of patterns) {
      const body = { externalSystem: { id: target.id, name: target.name }, urlMatcher: { urlPattern, urlScope: 'EXT_API' } };
      const res = await vcd.call('POST', FILTERS, { token: admin, body });
      assert.equal(res.status, 200, await res.clone().text());
    }
  };
  const extApi = (path: string, headers: Record<string, string>): Promise<Response> => fetch(`${vcd.base}/ext-api${path}`, { headers });
  const asTenant = (): Record<string, string> => ({ Authorization: `Bearer ${tenant}` });

  describe('authorizationEnabled', () => {
    it('is kept as sent, null when absent, and refused when not a boolean', async () => {
      assert.equal((await createEndpoint('auth-off', { authorizationEnabled: false })).authorizationEnabled, false);
      assert.equal((await createEndpoint('auth-unset')).authorizationEnabled, null);
      const bad = await vcd.call('POST', ENDPOINTS, {
        token: admin,
        body: { name: 'auth-bad', vendor: 'model', version: '1.0.0', enabled: true, rootUrl: 'https://x.test', authorizationEnabled: 'no' },
      });
      assert.equal(bad.status, 400);
      const listed = await vcd.call('GET', `${ENDPOINTS}?filter=name==auth-off`, { token: admin });
      assert.equal(((await listed.json()) as { values: Endpoint[] }).values[0]?.authorizationEnabled, false);
    });
  });

  describe('when a filter pattern is more than /<prefix>/.*', () => {
    before(async () => {
      const narrow = await createEndpoint('narrow', { authorizationEnabled: false });
      await createFilters(
        narrow,
        '/narrow/(?=v2/$).*',
        '/narrow/(?=api/v2\\.0/ping$).*',
        '/narrow/(?=api/v2\\.0/projects/[a-z0-9]+/repositories(?:\\?.*)?$).*',
      );
      await createFilters(await createEndpoint('literal'), '/custom/test/.*');
    });

    it('cuts what the pattern matched before its final .* (documented: /custom/test/.* sends /get/1 on)', async () => {
      const echoed = (await (await extApi('/custom/test/get/1?a=b', asTenant())).json()) as EchoedRequest;
      assert.equal(echoed.url, '/get/1?a=b');
    });

    it('cuts nothing that a lookahead matched: the path reaches the endpoint unchanged', async () => {
      for (const path of ['/v2/', '/api/v2.0/ping', '/api/v2.0/projects/cse/repositories?page=2&page_size=100']) {
        const res = await extApi(`/narrow${path}`, asTenant());
        assert.equal(res.status, 200, path);
        assert.equal(((await res.json()) as EchoedRequest).url, path);
      }
    });

    it('answers 404 "no filter matches" for any other path, a walk out with .. included', async () => {
      for (const path of [
        '/narrow/api/v2.0/users',
        '/narrow/v2/_catalog',
        '/narrow/v2',
        '/narrow/v2/../api/v2.0/users',
        '/narrow/api/v2.0/pingx',
      ]) {
        const res = await rawGet(vcd.base, `/ext-api${path}`, asTenant());
        assert.equal(res.status, 404, path);
        assert.match((JSON.parse(res.body) as { message: string }).message, new RegExp(NO_FILTER_MATCHES), path);
      }
    });
  });

  describe("which of the caller's headers reach the endpoint (ASSUMED: the worst case)", () => {
    const sent: Record<string, string> = {
      Cookie: 'vcloud_jwt=the-session',
      'x-vcloud-authorization': 'legacy-session',
      Accept: 'application/json;version=39.0',
      'X-Custom': 'kept',
    };
    before(async () => {
      const orgs = await vcd.call('GET', '/cloudapi/1.0.0/orgs?filter=name==acme', { token: admin });
      sent['X-VMWARE-VCLOUD-TENANT-CONTEXT'] = ((await orgs.json()) as { values: { id: string }[] }).values[0]?.id ?? '';
      await createFilters(await createEndpoint('auth-default'), '/auth-default/.*');
      await createFilters(await createEndpoint('auth-disabled', { authorizationEnabled: false }), '/auth-disabled/.*');
    });

    it('forwards everything, the Authorization header included, when authorizationEnabled is not false', async () => {
      const echoed = (await (await extApi('/auth-default/x', { ...sent, ...asTenant() })).json()) as EchoedRequest;
      assert.equal(echoed.headers['authorization'], `Bearer ${tenant}`);
      assert.equal(echoed.headers['cookie'], 'vcloud_jwt=the-session');
      assert.equal(echoed.headers['x-vcloud-authorization'], 'legacy-session');
      assert.equal(echoed.headers['x-vmware-vcloud-tenant-context'], sent['X-VMWARE-VCLOUD-TENANT-CONTEXT']);
      assert.equal(echoed.headers['x-custom'], 'kept');
      assert.equal(echoed.headers['accept'], undefined, "VCD's versioned Accept is VCD's");
    });

    it('keeps the Authorization header behind, and only it, when authorizationEnabled is false', async () => {
      const echoed = (await (await extApi('/auth-disabled/x', { ...sent, ...asTenant() })).json()) as EchoedRequest;
      assert.equal(echoed.headers['authorization'], undefined);
      assert.equal(echoed.headers['cookie'], 'vcloud_jwt=the-session');
      assert.equal(echoed.headers['x-vmware-vcloud-tenant-context'], sent['X-VMWARE-VCLOUD-TENANT-CONTEXT']);
    });
  });
});
