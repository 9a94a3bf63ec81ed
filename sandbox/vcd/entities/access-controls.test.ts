import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startVcd, type VcdUnderTest } from '../core/test-harness.js';

const API = '/cloudapi/1.0.0';
const TYPE_ID = 'urn:vcloud:type:cseairgap:registryStatus:1.0.0';
const LIST = `${API}/entities/types/cseairgap/registryStatus/1.0.0`;
const VIEW = 'cseairgap:registryStatus: View';

interface Reference {
  name: string;
  id: string;
}

/** Sets up the plug-in's type as a system administrator would, then what docs/domain.md#plugin-data needs for tenants. */
describe("a tenant administrator and his organization's status entity", () => {
  let vcd: VcdUnderTest;
  let admin: string;
  let acmeEntity: string;
  let globexEntity: string;

  const orgId = (name: string): string => vcd.state.get().orgs.find((org) => org.name === name)?.id ?? '';
  const createEntity = async (name: string): Promise<string> => {
    const res = await vcd.call('POST', `${API}/entityTypes/${TYPE_ID}?resolveEntity=true`, {
      token: admin,
      body: { name, entity: { registryBase: `harbor.example/${name}` } },
    });
    assert.equal(res.status, 202);
    const task = await vcd.call('GET', new URL(res.headers.get('location') ?? '').pathname, { token: admin });
    return ((await task.json()) as { owner: { id: string } }).owner.id;
  };
  const share = async (entityId: string, memberId: string): Promise<Response> =>
    vcd.call('POST', `${API}/entities/${entityId}/accessControls`, {
      token: admin,
      body: { grantType: 'MembershipAccessControlGrant', accessLevelId: 'urn:vcloud:accessLevel:ReadOnly', memberId },
    });
  const status = async (method: string, entityId: string, token: string, body?: unknown): Promise<number> =>
    (await vcd.call(method, `${API}/entities/${entityId}`, { token, body })).status;
  const listed = async (token: string): Promise<string[]> => {
    const res = await vcd.call('GET', LIST, { token });
    assert.equal(res.status, 200);
    return ((await res.json()) as { values: Reference[] }).values.map((entity) => entity.id);
  };
  const addRight = async (collection: 'rightsBundles' | 'globalRoles', name: string): Promise<void> => {
    const found = await vcd.call('GET', `${API}/${collection}?filter=${encodeURIComponent(`name==${name}`)}`, { token: admin });
    const [item] = ((await found.json()) as { values: Reference[] }).values;
    const right = vcd.state.get().rights.find((candidate) => candidate.name === VIEW);
    const res = await vcd.call('POST', `${API}/${collection}/${item?.id ?? ''}/rights`, {
      token: admin,
      body: { values: [{ name: right?.name, id: right?.id }] },
    });
    assert.equal(res.status, 200);
  };

  before(async () => {
    vcd = await startVcd();
    admin = await vcd.login('administrator@System');
    const identity = { vendor: 'cseairgap', nss: 'registryStatus', version: '1.0.0' };
    assert.equal((await vcd.call('POST', `${API}/interfaces`, { token: admin, body: { ...identity, name: 'status' } })).status, 201);
    const type = {
      ...identity,
      name: 'status',
      schema: { type: 'object' },
      interfaces: ['urn:vcloud:interface:cseairgap:registryStatus:1.0.0'],
    };
    assert.equal((await vcd.call('POST', `${API}/entityTypes`, { token: admin, body: type })).status, 201);
    acmeEntity = await createEntity('acme');
    globexEntity = await createEntity('globex');
    assert.equal((await share(acmeEntity, orgId('acme'))).status, 201);
    assert.equal((await share(globexEntity, orgId('globex'))).status, 201);
  });
  after(() => vcd.close());

  it('refuses the shared entity while no right is given (403)', async () => {
    const acmeAdmin = await vcd.login('acme-admin@acme');
    assert.equal(await status('GET', acmeEntity, acmeAdmin), 403);
    assert.deepEqual(await listed(acmeAdmin), []);
  });

  it('still refuses it when the role holds the right but no bundle publishes it (403)', async () => {
    await addRight('globalRoles', 'Organization Administrator');
    const acmeAdmin = await vcd.login('acme-admin@acme');
    assert.equal(await status('GET', acmeEntity, acmeAdmin), 403);
    assert.deepEqual(await listed(acmeAdmin), []);
  });

  describe('once the right is in the Default Rights Bundle and the role', () => {
    before(() => addRight('rightsBundles', 'Default Rights Bundle'));

    it('reads and lists his own org’s entity, and only that one', async () => {
      const acmeAdmin = await vcd.login('acme-admin@acme');
      assert.equal(await status('GET', acmeEntity, acmeAdmin), 200);
      assert.deepEqual(await listed(acmeAdmin), [acmeEntity]);
      assert.deepEqual(await listed(await vcd.login('globex-admin@globex')), [globexEntity]);
    });

    it('cannot write it (403)', async () => {
      const acmeAdmin = await vcd.login('acme-admin@acme');
      const read = await vcd.call('GET', `${API}/entities/${acmeEntity}`, { token: acmeAdmin });
      const res = await vcd.call('PUT', `${API}/entities/${acmeEntity}`, {
        token: acmeAdmin,
        headers: { 'If-Match': read.headers.get('etag') ?? '' },
        body: await read.json(),
      });
      assert.equal(res.status, 403);
      assert.match(((await res.json()) as { message: string }).message, /cseairgap:registryStatus: Modify/);
      assert.equal(await status('DELETE', acmeEntity, acmeAdmin), 403);
    });

    it('cannot read an entity shared only with another org (403)', async () => {
      assert.equal(await status('GET', globexEntity, await vcd.login('acme-admin@acme')), 403);
    });

    it('refuses a user of the same org whose role lacks the right (403)', async () => {
      const acmeUser = await vcd.login('acme-user@acme');
      assert.equal(await status('GET', acmeEntity, acmeUser), 403);
      assert.deepEqual(await listed(acmeUser), []);
    });

    it('lets the provider see both', async () => {
      assert.deepEqual((await listed(admin)).sort(), [acmeEntity, globexEntity].sort());
    });

    it('drops the ACLs of a deleted entity', async () => {
      const extra = await createEntity('extra');
      assert.equal((await share(extra, orgId('acme'))).status, 201);
      assert.equal(await status('DELETE', extra, admin), 204);
      assert.equal(vcd.state.get().accessControls.filter((acl) => acl.objectId === extra).length, 0);
      assert.deepEqual(await listed(await vcd.login('acme-admin@acme')), [acmeEntity]);
    });
  });
});
