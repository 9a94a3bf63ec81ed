import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startVcd, type VcdUnderTest } from '../core/test-harness.js';

const PATH = '/api/admin/extension/settings/general';
// What the plug-in sends to the legacy API.
const LEGACY_ACCEPT = { Accept: 'application/*+json;version=39.0' };

describe('GET /api/admin/extension/settings/general', () => {
  let vcd: VcdUnderTest;
  before(async () => {
    vcd = await startVcd();
  });
  after(() => vcd.close());

  it("answers a system administrator with VCD's GeneralSettings, public addresses set to the sandbox's origin", async () => {
    const token = await vcd.login('administrator@System');
    const res = await vcd.call('GET', PATH, { token, headers: LEGACY_ACCEPT });
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body['type'], 'application/vnd.vmware.admin.generalSettings+json');
    assert.equal(body['restApiBaseUri'], vcd.base);
    assert.equal(body['tenantPortalExternalAddress'], vcd.base);
    assert.equal(body['restApiBaseHttpUri'], null);
  });

  for (const persona of ['cse-viewer@System', 'acme-admin@acme']) {
    it(`refuses ${persona} with 403`, async () => {
      const token = await vcd.login(persona);
      const res = await vcd.call('GET', PATH, { token, headers: LEGACY_ACCEPT });
      assert.equal(res.status, 403);
    });
  }

  it('needs a session (401) and a versioned Accept (406)', async () => {
    assert.equal((await vcd.call('GET', PATH, { headers: LEGACY_ACCEPT })).status, 401);
    const token = await vcd.login('administrator@System');
    assert.equal((await vcd.call('GET', PATH, { token, headers: { Accept: 'application/json' } })).status, 406);
  });
});
