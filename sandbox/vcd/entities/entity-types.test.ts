import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startVcd, type VcdUnderTest } from '../core/test-harness.js';

const INTERFACE = { name: 'Registry status', vendor: 'cseairgap', nss: 'registryStatus', version: '1.0.0' };
const TYPE_ID = 'urn:vcloud:type:cseairgap:registryStatus:1.0.0';
const SCHEMA = {
  type: 'object',
  required: ['registryBase'],
  properties: { registryBase: { type: 'string' }, lastCheck: { type: 'object' } },
};
const LIST = '/cloudapi/1.0.0/entities/types/cseairgap/registryStatus/1.0.0';

interface Task {
  id: string;
  status: string;
  progress: number;
  operationName: string;
  owner: { id: string };
  error: { message: string } | null;
}
interface DefinedEntity {
  id: string;
  state: string;
  entity: Record<string, unknown>;
  org: { name: string };
  owner: { name: string };
}

describe('runtime defined entities of the plug-in', () => {
  let vcd: VcdUnderTest;
  let admin: string;

  before(async () => {
    vcd = await startVcd();
    admin = await vcd.login('administrator@System');
    assert.equal((await vcd.call('POST', '/cloudapi/1.0.0/interfaces', { token: admin, body: INTERFACE })).status, 201);
    const type = {
      ...INTERFACE,
      name: 'CSE Airgap registry status',
      schema: SCHEMA,
      interfaces: ['urn:vcloud:interface:cseairgap:registryStatus:1.0.0'],
    };
    const created = await vcd.call('POST', '/cloudapi/1.0.0/entityTypes', { token: admin, body: type });
    assert.equal(created.status, 201, await created.clone().text());
  });
  after(() => vcd.close());

  /** POST entityTypes/{id}: the task URL from Location, then the task and the entity it names. */
  const createEntity = async (body: unknown, query = '', token = admin): Promise<{ task: Task; entityPath: string }> => {
    const res = await vcd.call('POST', `/cloudapi/1.0.0/entityTypes/${TYPE_ID}${query}`, { token, body });
    assert.equal(res.status, 202, await res.clone().text());
    assert.equal(await res.text(), '');
    const location = res.headers.get('location') ?? '';
    assert.match(location, /^http:\/\/127\.0\.0\.1:\d+\/api\/task\/[0-9a-f-]{36}$/);
    const task = (await (
      await vcd.call('GET', new URL(location).pathname, { token, headers: { Accept: 'application/*+json;version=39.0' } })
    ).json()) as Task;
    return { task, entityPath: `/cloudapi/1.0.0/entities/${task.owner.id}` };
  };
  const read = async (path: string, token = admin): Promise<{ etag: string; body: DefinedEntity }> => {
    const res = await vcd.call('GET', path, { token });
    assert.equal(res.status, 200, await res.clone().text());
    return { etag: res.headers.get('etag') ?? '', body: (await res.json()) as DefinedEntity };
  };
  const resolve = async (path: string): Promise<{ state: string; message: string | null; etag: string }> => {
    const res = await vcd.call('POST', `${path}/resolve`, { token: admin });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { state: string; entityState: string; message: string | null };
    assert.equal(body.entityState, body.state);
    return { state: body.state, message: body.message, etag: res.headers.get('etag') ?? '' };
  };
  /** GET /api/task/{uuid}: the task's id is its URN, the URL takes the UUID. */
  const taskOf = async (id: string): Promise<Task> =>
    (await (
      await vcd.call('GET', `/api/task/${id.split(':').at(-1) ?? ''}`, {
        token: admin,
        headers: { Accept: 'application/*+json;version=39.0' },
      })
    ).json()) as Task;

  describe('interfaces and types', () => {
    it('reads back the interface and the type, and refuses duplicates with 400', async () => {
      const iface = await vcd.call('GET', '/cloudapi/1.0.0/interfaces/urn:vcloud:interface:cseairgap:registryStatus:1.0.0', {
        token: admin,
      });
      assert.deepEqual(await iface.json(), { ...INTERFACE, id: 'urn:vcloud:interface:cseairgap:registryStatus:1.0.0', readonly: false });
      const type = (await (await vcd.call('GET', `/cloudapi/1.0.0/entityTypes/${TYPE_ID}`, { token: admin })).json()) as {
        schema: unknown;
      };
      assert.deepEqual(type.schema, SCHEMA);
      assert.equal((await vcd.call('POST', '/cloudapi/1.0.0/interfaces', { token: admin, body: INTERFACE })).status, 400);
    });

    it('refuses tenants with 403 and a type naming an unknown interface with 400', async () => {
      const tenant = await vcd.login('acme-admin@acme');
      assert.equal(
        (await vcd.call('POST', '/cloudapi/1.0.0/interfaces', { token: tenant, body: { ...INTERFACE, nss: 'other' } })).status,
        403,
      );
      const orphan = { ...INTERFACE, nss: 'orphan', schema: SCHEMA, interfaces: ['urn:vcloud:interface:nobody:nothing:1.0.0'] };
      assert.equal((await vcd.call('POST', '/cloudapi/1.0.0/entityTypes', { token: admin, body: orphan })).status, 400);
    });

    it("gives the System Administrator role the type's five rights", async () => {
      const session = (await (await vcd.call('GET', '/cloudapi/1.0.0/sessions/current', { token: admin })).json()) as {
        roleRefs: { id: string }[];
      };
      const res = await vcd.call(
        'GET',
        `/cloudapi/1.0.0/roles/${session.roleRefs[0]?.id ?? ''}/rights?filter=name==cseairgap:registryStatus*`,
        {
          token: admin,
        },
      );
      const names = ((await res.json()) as { values: { name: string }[] }).values.map((right) => right.name).sort();
      assert.deepEqual(names, [
        'cseairgap:registryStatus: Administrator Full access',
        'cseairgap:registryStatus: Administrator View',
        'cseairgap:registryStatus: Full Access',
        'cseairgap:registryStatus: Modify',
        'cseairgap:registryStatus: View',
      ]);
    });
  });

  describe('when an entity is created', () => {
    it('answers 202 with a running task at 1 % and a PRE_CREATED entity that cannot be deleted', async () => {
      const { task, entityPath } = await createEntity({ name: 'system', entity: { registryBase: '127.0.0.1:5000/cse' } });
      assert.deepEqual([task.status, task.progress, task.operationName], ['running', 1, 'createDefinedEntity']);
      assert.match(task.owner.id, /^urn:vcloud:entity:cseairgap:registryStatus:[0-9a-f-]{36}$/);
      const { body } = await read(entityPath);
      assert.deepEqual([body.state, body.org.name, body.owner.name], ['PRE_CREATED', 'System', 'administrator']);
      const refused = await vcd.call('DELETE', entityPath, { token: admin });
      assert.equal(refused.status, 400);
      assert.match(((await refused.json()) as Record<string, string>)['message'] ?? '', /RDE_ENTITY_NOT_RESOLVED/);
    });

    it('resolves to RESOLUTION_ERROR with the reason, stays there on update, then resolves and ends the task', async () => {
      const { task, entityPath } = await createEntity({ name: 'broken', entity: { lastCheck: {} } });
      const failed = await resolve(entityPath);
      assert.equal(failed.state, 'RESOLUTION_ERROR');
      assert.match(failed.message ?? '', /registryBase/);
      assert.equal((await taskOf(task.id)).status, 'error');

      const fixed = await read(entityPath);
      const put = await vcd.call('PUT', entityPath, {
        token: admin,
        headers: { 'If-Match': fixed.etag },
        body: { ...fixed.body, entity: { registryBase: 'harbor.corp.local/cse' } },
      });
      assert.equal(put.status, 200);
      assert.equal(((await put.json()) as DefinedEntity).state, 'RESOLUTION_ERROR');
      const resolved = await resolve(entityPath);
      assert.deepEqual([resolved.state, resolved.message], ['RESOLVED', null]);
      assert.notEqual(resolved.etag, put.headers.get('etag'));
    });

    it('resolves at once with resolveEntity=true, and the task succeeds', async () => {
      const { task, entityPath } = await createEntity({ name: 'eager', entity: { registryBase: 'x/cse' } }, '?resolveEntity=true');
      assert.deepEqual([task.status, task.progress], ['success', 100]);
      assert.equal((await read(entityPath)).body.state, 'RESOLVED');
    });

    it('serves the task as XML by default', async () => {
      const { task } = await createEntity({ name: 'xml', entity: { registryBase: 'x' } });
      const res = await vcd.call('GET', `/api/task/${task.id.split(':').at(-1) ?? ''}`, {
        token: admin,
        headers: { Accept: 'application/*+xml;version=39.0' },
      });
      assert.match(res.headers.get('content-type') ?? '', /^application\/vnd\.vmware\.vcloud\.task\+xml/);
      assert.match(await res.text(), /<Task [^>]*status="running"[^>]*>[\s\S]*<Owner [^>]*id="urn:vcloud:entity:cseairgap:registryStatus:/);
    });
  });

  describe('once RESOLVED', () => {
    let entityPath: string;
    before(async () => {
      ({ entityPath } = await createEntity({ name: 'acme', entity: { registryBase: 'harbor.acme.local/cse' } }, '?resolveEntity=true'));
    });

    it('refuses a stale ETag with 412 and content that breaks the schema with 400', async () => {
      const current = await read(entityPath);
      assert.equal(
        (await vcd.call('PUT', entityPath, { token: admin, headers: { 'If-Match': current.etag }, body: current.body })).status,
        200,
      );
      const stale = await vcd.call('PUT', entityPath, { token: admin, headers: { 'If-Match': current.etag }, body: current.body });
      assert.equal(stale.status, 412);
      const fresh = await read(entityPath);
      const invalid = await vcd.call('PUT', entityPath, {
        token: admin,
        headers: { 'If-Match': fresh.etag },
        body: { ...fresh.body, entity: { registryBase: 42 } },
      });
      assert.equal(invalid.status, 400);
    });

    it('is visible to another org only once shared ReadOnly and once its role holds the type View right', async () => {
      const acmeAdmin = await vcd.login('acme-admin@acme');
      const listed = async (token: string): Promise<number> =>
        ((await (await vcd.call('GET', LIST, { token })).json()) as { resultTotal: number }).resultTotal;
      assert.equal(await listed(acmeAdmin), 0);

      const acme = vcd.state.get().orgs.find((org) => org.name === 'acme');
      const share = { grantType: 'MembershipAccessControlGrant', accessLevelId: 'urn:vcloud:accessLevel:ReadOnly', memberId: acme?.id };
      assert.equal((await vcd.call('POST', `${entityPath}/accessControls`, { token: admin, body: share })).status, 201);
      assert.equal(await listed(acmeAdmin), 0, 'the ACL alone is not enough');

      const orgAdminRole = vcd.state.get().roles.find((role) => role.name === 'Organization Administrator');
      const viewRight = vcd.state.get().rights.find((right) => right.name === 'cseairgap:registryStatus: View');
      const granted = await vcd.call('POST', `/cloudapi/1.0.0/roles/${orgAdminRole?.id ?? ''}/rights`, {
        token: admin,
        body: { values: [{ name: viewRight?.name, id: viewRight?.id }] },
      });
      assert.equal(granted.status, 200);
      assert.equal(await listed(acmeAdmin), 0, 'a role right no bundle publishes to acme is not usable');

      const bundle = vcd.state.get().rightsBundles.find((candidate) => candidate.name === 'Default Rights Bundle');
      const bundled = await vcd.call('POST', `/cloudapi/1.0.0/rightsBundles/${bundle?.id ?? ''}/rights`, {
        token: admin,
        body: { values: [{ name: viewRight?.name, id: viewRight?.id }] },
      });
      assert.equal(bundled.status, 200);

      assert.equal(await listed(acmeAdmin), 1);
      const { etag, body } = await read(entityPath, acmeAdmin);
      assert.equal((await vcd.call('PUT', entityPath, { token: acmeAdmin, headers: { 'If-Match': etag }, body })).status, 403);
      assert.equal((await vcd.call('DELETE', entityPath, { token: acmeAdmin })).status, 403);
      assert.equal(await listed(await vcd.login('globex-admin@globex')), 0, 'same right, no share');
    });

    it('is deleted with 204, its ACLs with it', async () => {
      assert.equal((await vcd.call('DELETE', entityPath, { token: admin })).status, 204);
      assert.equal((await vcd.call('GET', entityPath, { token: admin })).status, 403);
      const id = entityPath.split('/').at(-1);
      assert.equal(vcd.state.get().accessControls.filter((acl) => acl.objectId === id).length, 0);
    });
  });

  it('refuses to create an entity without the Modify right (403)', async () => {
    const viewer = await vcd.login('cse-viewer@System');
    const res = await vcd.call('POST', `/cloudapi/1.0.0/entityTypes/${TYPE_ID}`, {
      token: viewer,
      body: { name: 'x', entity: { registryBase: 'x' } },
    });
    assert.equal(res.status, 403);
  });
});
