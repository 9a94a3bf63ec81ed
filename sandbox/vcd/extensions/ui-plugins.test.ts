import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fakePluginZip } from '../../../deploy/testing/fake-plugin.js';
import { startVcd, type VcdUnderTest } from '../core/test-harness.js';

const UI = '/cloudapi/extensions/ui';
const METADATA = {
  pluginName: 'Test Plugin',
  vendor: 'testvendor',
  description: '',
  version: '1.0.0',
  license: 'BSD-2-Clause',
  link: 'https://example.com',
  tenant_scoped: true,
  provider_scoped: true,
  enabled: true,
};

describe('cloudapi/extensions/ui', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  let pluginId: string;

  before(async () => {
    vcd = await startVcd();
    admin = await vcd.login('administrator@System');
  });
  after(() => vcd.close());

  const announce = async (size: number): Promise<string> => {
    const res = await vcd.call('POST', `${UI}/${pluginId}/plugin`, { token: admin, body: { fileName: 'plugin.zip', size } });
    assert.equal(res.status, 204, await res.clone().text());
    const link = /<([^>]+)>;rel="upload:default"/.exec(res.headers.get('link') ?? '')?.[1];
    assert.ok(link, `Link: ${res.headers.get('link')}`);
    return link;
  };
  const put = (link: string, body: Uint8Array, token = admin): Promise<Response> =>
    fetch(link, { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/zip' }, body });
  const status = async (): Promise<string> =>
    ((await (await vcd.call('GET', `${UI}/${pluginId}`, { token: admin })).json()) as { plugin_status: string }).plugin_status;
  const portalPlugins = async (persona: string): Promise<string[]> => {
    const token = await vcd.login(persona);
    const res = await fetch(`${vcd.base}/sandbox/plugins`, { headers: { Authorization: `Bearer ${token}` } });
    return ((await res.json()) as { manifest: { name: string } }[]).map((plugin) => plugin.manifest.name);
  };

  it('refuses every call from someone who is not a System administrator with 403', async () => {
    const viewer = await vcd.login('cse-viewer@System');
    assert.equal((await vcd.call('GET', UI, { token: viewer })).status, 403);
    assert.equal((await vcd.call('POST', UI, { token: viewer, body: METADATA })).status, 403);
  });

  it('registers with 201, status unavailable, and refuses a duplicate or a missing field with 400', async () => {
    const res = await vcd.call('POST', UI, { token: admin, body: METADATA });
    assert.equal(res.status, 201);
    const body = (await res.json()) as { id: string; plugin_status: string; tenant_scoped: boolean };
    pluginId = body.id;
    assert.match(pluginId, /^urn:vcloud:uiPlugin:[0-9a-f-]{36}$/);
    assert.equal(body.plugin_status, 'unavailable');
    assert.equal((await vcd.call('POST', UI, { token: admin, body: METADATA })).status, 400);
    assert.equal((await vcd.call('POST', UI, { token: admin, body: { ...METADATA, license: undefined } })).status, 400);
  });

  it('refuses an upload whose byte count differs from the announced size, and stays unavailable', async () => {
    const zip = fakePluginZip();
    const link = await announce(zip.byteLength + 1);
    const res = await put(link, zip);
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { message: string }).message, /ended after \d+ bytes, but \d+ bytes were announced/);
    assert.equal(await status(), 'unavailable');
  });

  it('refuses a file that is not a plug-in zip', async () => {
    const junk = new TextEncoder().encode('not a zip at all');
    const res = await put(await announce(junk.byteLength), junk);
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { message: string }).message, /not a UI plugin/);
  });

  it('takes the exact bytes at the upload link (no API version needed) and becomes ready', async () => {
    const zip = fakePluginZip();
    const res = await put(await announce(zip.byteLength), zip);
    assert.equal(res.status, 200, await res.text());
    assert.equal(await status(), 'ready');
  });

  it('shows the plug-in in the provider portal, and in a tenant portal only once published there', async () => {
    assert.deepEqual(await portalPlugins('administrator@System'), ['Test Plugin']);
    assert.deepEqual(await portalPlugins('acme-admin@acme'), []);
    const orgs = (await (await vcd.call('GET', '/cloudapi/1.0.0/orgs?filter=name==acme', { token: admin })).json()) as {
      values: { name: string; id: string }[];
    };
    const published = await vcd.call('POST', `${UI}/${pluginId}/tenants/publish`, { token: admin, body: orgs.values });
    assert.equal(published.status, 200);
    assert.deepEqual(await portalPlugins('acme-admin@acme'), ['Test Plugin']);
    assert.deepEqual(await portalPlugins('globex-admin@globex'), []);
    const tenants = (await (await vcd.call('GET', `${UI}/${pluginId}/tenants`, { token: admin })).json()) as {
      resultTotal: number;
      values: { name: string }[];
    };
    assert.deepEqual(
      tenants.values.map((org) => org.name),
      ['acme'],
    );
  });

  it('publishAll reaches every tenant; unpublishAll none', async () => {
    await vcd.call('POST', `${UI}/${pluginId}/tenants/publishAll`, { token: admin });
    assert.deepEqual(await portalPlugins('globex-admin@globex'), ['Test Plugin']);
    await vcd.call('POST', `${UI}/${pluginId}/tenants/unpublishAll`, { token: admin });
    assert.deepEqual(await portalPlugins('acme-admin@acme'), []);
  });

  it('keeps serving the old bundle while a new upload fails', async () => {
    const zip = fakePluginZip({ version: '2.0.0' });
    assert.equal((await put(await announce(zip.byteLength), zip.subarray(0, 10))).status, 400);
    assert.equal(await status(), 'ready');
    assert.deepEqual(await portalPlugins('administrator@System'), ['Test Plugin']);
  });

  it('hides a disabled plug-in, and answers the metadata PUT with the new version', async () => {
    const res = await vcd.call('PUT', `${UI}/${pluginId}`, { token: admin, body: { ...METADATA, version: '1.1.0', enabled: false } });
    assert.equal(((await res.json()) as { version: string }).version, '1.1.0');
    assert.deepEqual(await portalPlugins('administrator@System'), []);
    const renamed = await vcd.call('PUT', `${UI}/${pluginId}`, { token: admin, body: { ...METADATA, pluginName: 'Other' } });
    assert.equal(renamed.status, 400);
  });

  it('removes the bundle, then the registration', async () => {
    assert.equal((await vcd.call('DELETE', `${UI}/${pluginId}/plugin`, { token: admin })).status, 204);
    assert.equal(await status(), 'unavailable');
    assert.equal((await vcd.call('DELETE', `${UI}/${pluginId}`, { token: admin })).status, 204);
    assert.equal((await vcd.call('GET', `${UI}/${pluginId}`, { token: admin })).status, 403);
  });
});

describe('API tokens (/oauth/provider)', () => {
  let vcd: VcdUnderTest;
  before(async () => (vcd = await startVcd()));
  after(() => vcd.close());

  const token = (form: Record<string, string>): Promise<Response> =>
    fetch(`${vcd.base}/oauth/provider/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form),
    });

  it('hands a registered token out once, exchanges it for access tokens, and refuses it once revoked', async () => {
    const session = await vcd.login('administrator@System');
    const registered = (await (
      await fetch(`${vcd.base}/oauth/provider/register`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_name: 'ci' }),
      })
    ).json()) as { client_id: string };
    const jwtBearer = { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: session, client_id: registered.client_id };
    const first = (await (await token(jwtBearer)).json()) as { refresh_token: string };
    assert.equal((await token(jwtBearer)).status, 400, 'handed out only once');

    const exchanged = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    const { access_token } = (await exchanged.json()) as { access_token: string };
    assert.equal((await vcd.call('GET', '/cloudapi/1.0.0/sessions/current', { token: access_token })).status, 200);

    const revoked = await vcd.call('DELETE', `/cloudapi/1.0.0/tokens/urn:vcloud:token:${registered.client_id}`, { token: session });
    assert.equal(revoked.status, 204);
    const refused = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    assert.equal(refused.status, 400);
    assert.deepEqual(await refused.json(), { error: 'invalid_grant', error_description: 'The API token is invalid, expired or revoked.' });
  });
});
