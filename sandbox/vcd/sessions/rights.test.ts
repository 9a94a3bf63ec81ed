import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startVcd, type VcdUnderTest } from '../core/test-harness.js';

interface Reference {
  name: string;
  id: string;
}
interface RightsPage {
  resultTotal: number;
  pageCount: number;
  values: Reference[];
}

const VCDKECONFIG_LIST = '/cloudapi/1.0.0/entities/types/vmware/VCDKEConfig/1.1.0?filter=name==vcdKeConfig';

describe('roles and rights', () => {
  let vcd: VcdUnderTest;
  before(async () => (vcd = await startVcd()));
  after(() => vcd.close());

  const roleRefsOf = async (token: string): Promise<Reference[]> => {
    const session = (await (await vcd.call('GET', '/cloudapi/1.0.0/sessions/current', { token })).json()) as { roleRefs: Reference[] };
    return session.roleRefs;
  };
  const rightNames = async (token: string, roleId: string): Promise<string[]> => {
    const res = await vcd.call('GET', `/cloudapi/1.0.0/roles/${roleId}/rights?pageSize=128`, { token });
    assert.equal(res.status, 200);
    return ((await res.json()) as RightsPage).values.map((right) => right.name);
  };

  it('names the session roles as references', async () => {
    const token = await vcd.login('cse-viewer@System');
    const [role, ...others] = await roleRefsOf(token);
    assert.equal(others.length, 0);
    assert.equal(role?.name, 'CSE Viewer');
    assert.match(role?.id ?? '', /^urn:vcloud:role:[0-9a-f-]{36}$/);
  });

  it('lets each persona read the rights of his own role, as {name, id} references', async () => {
    const expected: Record<string, string[]> = {
      'cse-viewer@System': ['vmware:VCDKEConfig: View'],
      'acme-user@acme': ['Organization: View'],
    };
    for (const [persona, names] of Object.entries(expected)) {
      const token = await vcd.login(persona);
      const [role] = await roleRefsOf(token);
      assert.deepEqual(await rightNames(token, role?.id ?? ''), names, persona);
    }
    const admin = await vcd.login('administrator@System');
    const [adminRole] = await roleRefsOf(admin);
    const adminRights = await rightNames(admin, adminRole?.id ?? '');
    for (const suffix of ['View', 'Modify', 'Full Access', 'Administrator View', 'Administrator Full access']) {
      assert.ok(adminRights.includes(`vmware:VCDKEConfig: ${suffix}`), suffix);
    }
  });

  it('pages rights like every cloudapi list', async () => {
    const admin = await vcd.login('administrator@System');
    const [role] = await roleRefsOf(admin);
    const res = await vcd.call('GET', `/cloudapi/1.0.0/roles/${role?.id ?? ''}/rights?pageSize=2`, { token: admin });
    const page = (await res.json()) as RightsPage;
    assert.equal(page.values.length, 2);
    assert.equal(page.pageCount, Math.ceil(page.resultTotal / 2));
    assert.match(res.headers.get('link') ?? '', /rel="nextPage"/);
    assert.match(page.values[0]?.id ?? '', /^urn:vcloud:right:[0-9a-f-]{36}$/);
  });

  it("refuses a tenant another role's rights with 403", async () => {
    const admin = await vcd.login('administrator@System');
    const [adminRole] = await roleRefsOf(admin);
    const tenant = await vcd.login('acme-user@acme');
    assert.equal((await vcd.call('GET', `/cloudapi/1.0.0/roles/${adminRole?.id ?? ''}/rights`, { token: tenant })).status, 403);
  });

  describe('the provider viewer (cse-viewer@System)', () => {
    it('reads vcdKeConfig but gets 403 on a write', async () => {
      const token = await vcd.login('cse-viewer@System');
      const page = (await (await vcd.call('GET', VCDKECONFIG_LIST, { token })).json()) as { values: { id: string }[] };
      const path = `/cloudapi/1.0.0/entities/${page.values[0]?.id ?? ''}`;
      const read = await vcd.call('GET', path, { token });
      assert.equal(read.status, 200);
      const res = await vcd.call('PUT', path, { token, body: await read.json(), headers: { 'If-Match': read.headers.get('etag') ?? '' } });
      assert.equal(res.status, 403);
      assert.match(((await res.json()) as Record<string, string>)['message'] ?? '', /vmware:VCDKEConfig: Modify/);
    });
  });
});
