import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startVcd, type VcdUnderTest } from '../core/test-harness.js';

const basic = (login: string, password = 'sandbox'): string => `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;

describe('VCD sessions', () => {
  let vcd: VcdUnderTest;
  before(async () => (vcd = await startVcd()));
  after(() => vcd.close());

  describe('when logging in', () => {
    for (const [login, role] of [
      ['administrator@System', 'System Administrator'],
      ['acme-admin@acme', 'Organization Administrator'],
      ['globex-admin@globex', 'Organization Administrator'],
      ['acme-user@acme', 'vApp User'],
    ] as const) {
      it(`logs ${login} in and describes the session`, async () => {
        const token = await vcd.login(login);
        assert.equal(token.split('.').length, 3, 'a JWT');
        const res = await vcd.call('GET', '/cloudapi/1.0.0/sessions/current', { token });
        assert.equal(res.status, 200);
        const session = (await res.json()) as Record<string, { name: string; id: string } | string[] | number>;
        const [userName, orgName] = login.split('@');
        assert.deepEqual([(session['user'] as { name: string }).name, (session['org'] as { name: string }).name], [userName, orgName]);
        assert.deepEqual(session['roles'], [role]);
        assert.match((session['org'] as { id: string }).id, /^urn:vcloud:org:[0-9a-f-]{36}$/);
        assert.equal(typeof session['sessionIdleTimeoutMinutes'], 'number');
      });
    }

    it('answers the token in VCD headers', async () => {
      const res = await vcd.call('POST', '/cloudapi/1.0.0/sessions', { headers: { Authorization: basic('acme-admin@acme') } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('x-vmware-vcloud-token-type'), 'Bearer');
      assert.ok(res.headers.get('x-vmware-vcloud-access-token'));
    });

    it('refuses a provider user on the tenant endpoint and a tenant on the provider one', async () => {
      const provider = await vcd.call('POST', '/cloudapi/1.0.0/sessions', { headers: { Authorization: basic('administrator@System') } });
      const tenant = await vcd.call('POST', '/cloudapi/1.0.0/sessions/provider', { headers: { Authorization: basic('acme-admin@acme') } });
      assert.deepEqual([provider.status, tenant.status], [401, 401]);
    });

    it('refuses a wrong password with VCD error body', async () => {
      const res = await vcd.call('POST', '/cloudapi/1.0.0/sessions', { headers: { Authorization: basic('acme-admin@acme', 'nope') } });
      assert.equal(res.status, 401);
      const body = (await res.json()) as Record<string, unknown>;
      assert.equal(body['minorErrorCode'], 'UNAUTHORIZED');
      assert.match(String(body['message']), /^\[ [0-9a-f-]{36} \] /);
      assert.equal(body['stackTrace'], null);
    });
  });

  describe('when calling the API', () => {
    it('answers 401 without a token or with a forged one', async () => {
      const none = await vcd.call('GET', '/cloudapi/1.0.0/orgs');
      const forged = await vcd.call('GET', '/cloudapi/1.0.0/orgs', { token: 'eyJhbGciOiJIUzI1NiJ9.e30.invalid' });
      assert.deepEqual([none.status, forged.status], [401, 401]);
    });

    it('accepts the legacy x-vcloud-authorization header', async () => {
      const token = await vcd.login('acme-admin@acme');
      const res = await vcd.call('GET', '/cloudapi/1.0.0/orgs', { headers: { 'x-vcloud-authorization': token } });
      assert.equal(res.status, 200);
    });

    it('answers 406 NOT_ACCEPTABLE for a missing or unknown API version', async () => {
      const token = await vcd.login('acme-admin@acme');
      const missing = await vcd.call('GET', '/cloudapi/1.0.0/orgs', { token, headers: { Accept: 'application/json' } });
      const unknown = await vcd.call('GET', '/cloudapi/1.0.0/orgs', { token, headers: { Accept: 'application/json;version=99.0' } });
      assert.deepEqual([missing.status, unknown.status], [406, 406]);
      const body = (await unknown.json()) as Record<string, string>;
      assert.equal(body['minorErrorCode'], 'NOT_ACCEPTABLE');
      assert.match(body['message'] ?? '', /Supported API versions are: \[39\.0, /);
    });

    it('accepts the @vcd/sdk Accept list', async () => {
      const token = await vcd.login('acme-admin@acme');
      const accept = 'application/*+json;version=39.0, application/json;version=39.0';
      const res = await vcd.call('GET', '/cloudapi/1.0.0/orgs', { token, headers: { Accept: accept } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/json;version=39.0');
    });

    it('revokes the token at logout', async () => {
      const token = await vcd.login('globex-admin@globex');
      assert.equal((await vcd.call('DELETE', '/cloudapi/1.0.0/sessions/current', { token })).status, 204);
      assert.equal((await vcd.call('GET', '/cloudapi/1.0.0/sessions/current', { token })).status, 401);
    });
  });

  describe('GET /api/versions', () => {
    it('lists versions up to 39.0 without authentication', async () => {
      const res = await fetch(`${vcd.base}/api/versions`, { headers: { Accept: 'application/*+json' } });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { versionInfo: { version: string; deprecated: boolean; loginUrl: string }[] };
      assert.equal(body.versionInfo.at(-1)?.version, '39.0', '@vcd/sdk takes the last entry');
      assert.ok(body.versionInfo.some((info) => info.deprecated));
      assert.equal(body.versionInfo[0]?.loginUrl, `${vcd.base}/api/sessions`);
    });
  });

  describe('when a System administrator acts as a tenant', () => {
    it('sees only that org', async () => {
      const token = await vcd.login('administrator@System');
      const acme = vcd.state.get().orgs.find((org) => org.name === 'acme');
      const uuid = acme?.id.split(':').at(-1) ?? '';
      const res = await vcd.call('GET', '/cloudapi/1.0.0/orgs', { token, headers: { 'X-VMWARE-VCLOUD-TENANT-CONTEXT': uuid } });
      const body = (await res.json()) as { values: { name: string }[] };
      assert.deepEqual(
        body.values.map((org) => org.name),
        ['acme'],
      );
    });

    it('refuses a tenant acting as another org', async () => {
      const token = await vcd.login('acme-admin@acme');
      const globex = vcd.state.get().orgs.find((org) => org.name === 'globex');
      const res = await vcd.call('GET', '/cloudapi/1.0.0/orgs', { token, headers: { 'X-VMWARE-VCLOUD-TENANT-CONTEXT': globex?.id ?? '' } });
      assert.equal(res.status, 403);
    });
  });
});
