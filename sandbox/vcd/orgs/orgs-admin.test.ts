import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startVcd, type VcdUnderTest } from '../core/test-harness.js';

const API = '/cloudapi/1.0.0';

interface Org {
  id: string;
  name: string;
  displayName: string;
  isEnabled: boolean;
}

describe('PUT and DELETE /cloudapi/1.0.0/orgs/{id}', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  before(async () => {
    vcd = await startVcd();
    admin = await vcd.login('administrator@System');
  });
  after(() => vcd.close());

  const org = (name: string): Org => {
    const found = vcd.state.get().orgs.find((candidate) => candidate.name === name);
    assert.ok(found, name);
    return found;
  };
  const disable = (target: Org, token = admin): Promise<Response> =>
    vcd.call('PUT', `${API}/orgs/${target.id}`, { token, body: { ...target, isEnabled: false } });

  it('disables an org for a System administrator, and only for him (403)', async () => {
    const tenant = org('tenant-01');
    assert.equal((await disable(tenant, await vcd.login('acme-admin@acme'))).status, 403);
    assert.equal((await disable(tenant, await vcd.login('cse-viewer@System'))).status, 403);
    const res = await disable(tenant);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as Org).isEnabled, false);
    assert.equal(org('tenant-01').isEnabled, false);
  });

  it('refuses a name taken by another org, and disabling System (400)', async () => {
    const tenant = org('tenant-02');
    assert.equal((await vcd.call('PUT', `${API}/orgs/${tenant.id}`, { token: admin, body: { ...tenant, name: 'acme' } })).status, 400);
    assert.equal((await disable(org('System'))).status, 400);
  });

  it('refuses to delete an enabled org without force=true (400)', async () => {
    const res = await vcd.call('DELETE', `${API}/orgs/${org('tenant-03').id}`, { token: admin });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { message: string }).message, /must be disabled/);
  });

  it('deletes a disabled org with 202 and a task', async () => {
    const tenant = org('tenant-01');
    const res = await vcd.call('DELETE', `${API}/orgs/${tenant.id}`, { token: admin });
    assert.equal(res.status, 202);
    const task = await vcd.call('GET', new URL(res.headers.get('location') ?? '').pathname, { token: admin });
    assert.equal(((await task.json()) as { status: string }).status, 'success');
    assert.equal((await vcd.call('GET', `${API}/orgs/${tenant.id}`, { token: admin })).status, 403);
  });

  describe('deleting acme with force=true', () => {
    let acme: Org;
    let vcdKeConfigId: string;
    let acmeAdmin: string;
    before(async () => {
      acme = org('acme');
      acmeAdmin = await vcd.login('acme-admin@acme');
      vcdKeConfigId = vcd.state.get().entities[0]?.id ?? '';
      const bundle = vcd.state.get().rightsBundles[0];
      await vcd.call('POST', `${API}/rightsBundles/${bundle?.id ?? ''}/tenants/publish`, {
        token: admin,
        body: { values: [{ name: acme.name, id: acme.id }] },
      });
      const res = await vcd.call('DELETE', `${API}/orgs/${acme.id}?force=true`, { token: admin });
      assert.equal(res.status, 202);
    });

    it('removes its users: they cannot log in and their sessions end (401)', async () => {
      assert.equal(vcd.state.get().users.filter((user) => user.name.startsWith('acme-')).length, 0);
      await assert.rejects(vcd.login('acme-admin@acme'), /401/);
      assert.equal((await vcd.call('GET', `${API}/sessions/current`, { token: acmeAdmin })).status, 401);
    });

    it('removes every ACL naming it, and its publications', async () => {
      assert.equal(vcd.state.get().accessControls.filter((acl) => acl.memberId === acme.id).length, 0);
      assert.ok(
        vcd.state.get().accessControls.some((acl) => acl.memberId === org('globex').id),
        'globex keeps its share',
      );
      assert.ok(vcd.state.get().rightsBundles.every((bundle) => !bundle.tenantIds.includes(acme.id)));
    });

    it('answers 400 to a later share with it', async () => {
      const res = await vcd.call('POST', `${API}/entities/${vcdKeConfigId}/accessControls`, {
        token: admin,
        body: { grantType: 'MembershipAccessControlGrant', accessLevelId: 'urn:vcloud:accessLevel:ReadOnly', memberId: acme.id },
      });
      assert.equal(res.status, 400);
      assert.match(((await res.json()) as { message: string }).message, /neither a user nor an organization/);
    });
  });

  describe('an org that owns defined entities', () => {
    it('needs recursive=true, then its entities and their ACLs go with it', async () => {
      const globex = org('globex');
      const identity = { vendor: 'cseairgap', nss: 'registryStatus', version: '1.0.0' };
      await vcd.call('POST', `${API}/interfaces`, { token: admin, body: { ...identity, name: 'status' } });
      const type = {
        ...identity,
        name: 'status',
        schema: { type: 'object' },
        interfaces: ['urn:vcloud:interface:cseairgap:registryStatus:1.0.0'],
      };
      assert.equal((await vcd.call('POST', `${API}/entityTypes`, { token: admin, body: type })).status, 201);
      // The provider acting in globex creates an entity that globex owns.
      const created = await vcd.call('POST', `${API}/entityTypes/urn:vcloud:type:cseairgap:registryStatus:1.0.0?resolveEntity=true`, {
        token: admin,
        headers: { 'X-VMWARE-VCLOUD-TENANT-CONTEXT': globex.id },
        body: { name: 'globex-own', entity: {} },
      });
      assert.equal(created.status, 202);
      const owned = vcd.state.get().entities.find((entity) => entity.orgId === globex.id);
      assert.ok(owned);

      assert.equal((await disable(globex)).status, 200);
      assert.equal((await vcd.call('DELETE', `${API}/orgs/${globex.id}`, { token: admin })).status, 400);
      assert.equal((await vcd.call('DELETE', `${API}/orgs/${globex.id}?recursive=true`, { token: admin })).status, 202);
      assert.equal(vcd.state.get().entities.filter((entity) => entity.orgId === globex.id).length, 0);
      assert.equal(vcd.state.get().accessControls.filter((acl) => acl.objectId === owned.id || acl.memberId === globex.id).length, 0);
    });
  });
});
