import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startVcd, type VcdUnderTest } from '../core/test-harness.js';

interface Reference {
  name: string;
  id: string;
}
interface Page<T> {
  resultTotal: number;
  values: T[];
}
interface Publishable extends Reference {
  publishAll: boolean;
  readOnly: boolean;
  bundleKey: string;
  publishCount: number;
}

const API = '/cloudapi/1.0.0';
const TENANT_RIGHTS = [
  'Certificate Library: Manage',
  'Certificate Library: View',
  'Organization: View',
  'UI Plugins: View',
  'vmware:VCDKEConfig: View',
];

describe('rights, rights bundles and global roles', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  before(async () => {
    vcd = await startVcd();
    admin = await vcd.login('administrator@System');
  });
  after(() => vcd.close());

  const get = async <T>(path: string, token = admin): Promise<T> => {
    const res = await vcd.call('GET', `${API}/${path}`, { token });
    assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
    return (await res.json()) as T;
  };
  const names = async (path: string, token = admin): Promise<string[]> =>
    (await get<Page<Reference>>(`${path}${path.includes('?') ? '&' : '?'}pageSize=128`, token)).values.map((right) => right.name).sort();
  const byName = async (collection: string, name: string): Promise<Publishable> => {
    const page = await get<Page<Publishable>>(`${collection}?filter=${encodeURIComponent(`name==${name}`)}`);
    assert.equal(page.resultTotal, 1, `${collection} ${name}`);
    return page.values[0] as Publishable;
  };
  const right = async (name: string): Promise<Reference> => {
    const page = await get<Page<Reference>>(`rights?filter=${encodeURIComponent(`name==${name}`)}`);
    assert.equal(page.resultTotal, 1, name);
    return { name: page.values[0]?.name ?? '', id: page.values[0]?.id ?? '' };
  };
  const ownRoleRights = async (persona: string): Promise<string[]> => {
    const token = await vcd.login(persona);
    const session = await get<{ roleRefs: Reference[] }>('sessions/current', token);
    return names(`roles/${session.roleRefs[0]?.id ?? ''}/rights`, token);
  };

  describe('GET rights', () => {
    it('finds a right by name with the documented fields', async () => {
      const found = await right('vmware:VCDKEConfig: View');
      assert.match(found.id, /^urn:vcloud:right:[0-9a-f-]{36}$/);
      const full = await get<Record<string, unknown>>(`rights/${found.id}`);
      assert.deepEqual(Object.keys(full).sort(), [
        'bundleKey',
        'category',
        'description',
        'id',
        'impliedRights',
        'isPublishable',
        'name',
        'rightType',
        'serviceNamespace',
      ]);
      assert.equal(full['rightType'], 'VIEW');
      assert.equal(
        (await get<Record<string, unknown>>(`rights/${(await right('Certificate Library: Manage')).id}`))['rightType'],
        'MODIFY',
      );
    });

    it('shows a tenant only the rights published to his org', async () => {
      const tenant = await vcd.login('acme-user@acme');
      assert.deepEqual(await names('rights', tenant), TENANT_RIGHTS);
      const modify = await right('vmware:VCDKEConfig: Modify');
      assert.equal((await vcd.call('GET', `${API}/rights/${modify.id}`, { token: tenant })).status, 403);
    });
  });

  describe('the seed', () => {
    it('publishes the Default Rights Bundle to every tenant with every tenant right', async () => {
      const bundle = await byName('rightsBundles', 'Default Rights Bundle');
      assert.match(bundle.id, /^urn:vcloud:rightsBundle:[0-9a-f-]{36}$/);
      assert.equal(bundle.publishAll, true);
      assert.deepEqual(await names(`rightsBundles/${bundle.id}/rights`), TENANT_RIGHTS);
    });

    it('publishes the tenant roles as global roles', async () => {
      for (const name of ['Organization Administrator', 'vApp User']) {
        const role = await byName('globalRoles', name);
        assert.match(role.id, /^urn:vcloud:globalRole:[0-9a-f-]{36}$/);
        assert.equal(role.publishAll, true);
      }
    });

    it('leaves each persona the rights he had', async () => {
      const orgAdmin = ['Certificate Library: View', 'Organization: View', 'vmware:VCDKEConfig: View'];
      assert.deepEqual(await ownRoleRights('acme-admin@acme'), orgAdmin);
      assert.deepEqual(await ownRoleRights('globex-admin@globex'), orgAdmin);
      assert.deepEqual(await ownRoleRights('acme-user@acme'), ['Organization: View']);
      assert.deepEqual(await ownRoleRights('cse-viewer@System'), ['vmware:VCDKEConfig: View']);
    });
  });

  describe('who may read and write', () => {
    it('refuses tenants any bundle or global role with 403 and VCD’s error body', async () => {
      const tenant = await vcd.login('acme-admin@acme');
      const bundle = await byName('rightsBundles', 'Default Rights Bundle');
      for (const path of ['rightsBundles', `rightsBundles/${bundle.id}`, `rightsBundles/${bundle.id}/rights`, 'globalRoles']) {
        const res = await vcd.call('GET', `${API}/${path}`, { token: tenant });
        assert.equal(res.status, 403, path);
        assert.equal(((await res.json()) as { minorErrorCode: string }).minorErrorCode, 'ACCESS_TO_RESOURCE_IS_FORBIDDEN');
      }
    });

    it('lets a provider without the System Administrator role read but not write', async () => {
      const viewer = await vcd.login('cse-viewer@System');
      const bundle = await byName('rightsBundles', 'Default Rights Bundle');
      assert.equal((await vcd.call('GET', `${API}/rightsBundles/${bundle.id}/rights`, { token: viewer })).status, 200);
      const body = { values: [await right('Organization: View')] };
      for (const path of [`rightsBundles/${bundle.id}/rights`, `rightsBundles/${bundle.id}/tenants/unpublishAll`]) {
        assert.equal((await vcd.call('POST', `${API}/${path}`, { token: viewer, body })).status, 403, path);
      }
    });
  });

  describe('publication decides what a tenant may use', () => {
    let bundleId: string;
    let acme: Reference;
    beforeEach(async () => {
      bundleId = (await byName('rightsBundles', 'Default Rights Bundle')).id;
      const found = (await get<Page<Reference>>('orgs?filter=name==acme')).values[0];
      acme = { name: found?.name ?? '', id: found?.id ?? '' };
      assert.equal((await vcd.call('POST', `${API}/rightsBundles/${bundleId}/tenants/publishAll`, { token: admin })).status, 200);
    });

    it('takes every right from tenants when the bundle is unpublished, and gives it back per org', async () => {
      const unpublished = await vcd.call('POST', `${API}/rightsBundles/${bundleId}/tenants/unpublishAll`, { token: admin });
      assert.deepEqual(((await unpublished.json()) as Page<Reference>).values, []);
      assert.equal((await byName('rightsBundles', 'Default Rights Bundle')).publishAll, false);
      assert.deepEqual(await ownRoleRights('acme-admin@acme'), []);
      assert.deepEqual(await ownRoleRights('cse-viewer@System'), ['vmware:VCDKEConfig: View'], 'providers are not bound by bundles');

      const published = await vcd.call('POST', `${API}/rightsBundles/${bundleId}/tenants/publish`, {
        token: admin,
        body: { values: [acme] },
      });
      assert.deepEqual(((await published.json()) as Page<Reference>).values, [acme]);
      assert.deepEqual((await get<Page<Reference>>(`rightsBundles/${bundleId}/tenants`)).values, [acme]);
      assert.equal((await ownRoleRights('acme-admin@acme')).length, 3);
      assert.deepEqual(await ownRoleRights('globex-admin@globex'), []);

      await vcd.call('POST', `${API}/rightsBundles/${bundleId}/tenants/unpublish`, { token: admin, body: { values: [acme] } });
      assert.deepEqual((await get<Page<Reference>>(`rightsBundles/${bundleId}/tenants`)).values, []);
    });

    it('refuses to publish to an unknown org or to System (400)', async () => {
      const system = (await get<Page<Reference>>('orgs?filter=name==System')).values[0];
      for (const values of [[{ name: 'nope', id: 'urn:vcloud:org:nope' }], [system]]) {
        const res = await vcd.call('POST', `${API}/rightsBundles/${bundleId}/tenants/publish`, { token: admin, body: { values } });
        assert.equal(res.status, 400);
      }
    });
  });

  describe('rights of a bundle and of a global role', () => {
    it('adds with POST and replaces with PUT, answering the rights', async () => {
      const bundle = await byName('rightsBundles', 'Default Rights Bundle');
      const path = `${API}/rightsBundles/${bundle.id}/rights`;
      const modify = await right('vmware:VCDKEConfig: Modify');
      const added = await vcd.call('POST', path, { token: admin, body: { values: [modify] } });
      assert.equal(added.status, 200);
      assert.ok(((await added.json()) as Page<Reference>).values.some((value) => value.id === modify.id));

      const view = await right('Organization: View');
      const replaced = await vcd.call('PUT', path, { token: admin, body: { values: [view] } });
      assert.deepEqual(((await replaced.json()) as Page<Reference>).values, [view]);
      assert.deepEqual(await ownRoleRights('acme-user@acme'), ['Organization: View']);
      assert.deepEqual(await ownRoleRights('acme-admin@acme'), ['Organization: View']);

      const restored = await vcd.call('PUT', path, { token: admin, body: { values: TENANT_RIGHTS.map((name) => ({ name })) } });
      assert.equal(((await restored.json()) as Page<Reference>).resultTotal, TENANT_RIGHTS.length);
      assert.equal((await vcd.call('POST', path, { token: admin, body: { values: [{ id: 'urn:vcloud:right:nope' }] } })).status, 400);
    });

    it('shows a right added to a global role in its tenant copies, once a bundle publishes it', async () => {
      const global = await byName('globalRoles', 'vApp User');
      const manage = await right('Certificate Library: Manage');
      const res = await vcd.call('POST', `${API}/globalRoles/${global.id}/rights`, { token: admin, body: { values: [manage] } });
      assert.equal(res.status, 200);
      assert.deepEqual(await names(`globalRoles/${global.id}/rights`), ['Certificate Library: Manage', 'Organization: View']);
      assert.deepEqual(await ownRoleRights('acme-user@acme'), ['Certificate Library: Manage', 'Organization: View']);

      const modify = await right('vmware:VCDKEConfig: Modify'); // in no bundle
      await vcd.call('POST', `${API}/globalRoles/${global.id}/rights`, { token: admin, body: { values: [modify] } });
      assert.deepEqual(await ownRoleRights('acme-user@acme'), ['Certificate Library: Manage', 'Organization: View']);
      await vcd.call('PUT', `${API}/globalRoles/${global.id}/rights`, { token: admin, body: { values: [{ name: 'Organization: View' }] } });
    });

    it('keeps POST roles/{id}/rights on a tenant role working: the right lands in its global role', async () => {
      const role = vcd.state.get().roles.find((candidate) => candidate.name === 'vApp User');
      const manage = await right('Certificate Library: Manage');
      const res = await vcd.call('POST', `${API}/roles/${role?.id ?? ''}/rights`, { token: admin, body: { values: [manage] } });
      assert.equal(res.status, 200);
      const global = await byName('globalRoles', 'vApp User');
      assert.ok((await names(`globalRoles/${global.id}/rights`)).includes('Certificate Library: Manage'));
      await vcd.call('PUT', `${API}/globalRoles/${global.id}/rights`, { token: admin, body: { values: [{ name: 'Organization: View' }] } });
    });
  });

  it('does not put the rights of a new entity type in any bundle', async () => {
    await vcd.call('POST', `${API}/interfaces`, {
      token: admin,
      body: { name: 'i', vendor: 'cseairgap', nss: 'registryStatus', version: '1.0.0' },
    });
    const type = {
      name: 't',
      vendor: 'cseairgap',
      nss: 'registryStatus',
      version: '1.0.0',
      schema: { type: 'object' },
      interfaces: ['urn:vcloud:interface:cseairgap:registryStatus:1.0.0'],
    };
    assert.equal((await vcd.call('POST', `${API}/entityTypes`, { token: admin, body: type })).status, 201);
    const view = await right('cseairgap:registryStatus: View');
    assert.ok(view.id);
    const bundle = await byName('rightsBundles', 'Default Rights Bundle');
    assert.ok(!(await names(`rightsBundles/${bundle.id}/rights`)).includes(view.name));
  });
});
