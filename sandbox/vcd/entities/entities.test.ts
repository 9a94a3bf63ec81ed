import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { REGISTRY_URL, SCHEMA_PATH, startVcd, type VcdUnderTest } from '../core/test-harness.js';

interface DefinedEntity {
  id: string;
  name: string;
  entityType: string;
  state: string;
  entity: { profiles: Record<string, unknown>[] };
  org: { name: string };
}
interface EntityPage {
  resultTotal: number;
  values: DefinedEntity[];
}

const LIST = '/cloudapi/1.0.0/entities/types/vmware/VCDKEConfig/1.1.0?filter=name==vcdKeConfig';

describe('VCDKEConfig entity', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  let entityPath: string;

  before(async () => {
    vcd = await startVcd();
    admin = await vcd.login('administrator@System');
  });
  after(() => vcd.close());
  beforeEach(async () => {
    const page = (await (await vcd.call('GET', LIST, { token: admin })).json()) as EntityPage;
    entityPath = `/cloudapi/1.0.0/entities/${page.values[0]?.id ?? 'missing'}`;
  });

  const read = async (token = admin): Promise<{ etag: string; body: DefinedEntity }> => {
    const res = await vcd.call('GET', entityPath, { token });
    assert.equal(res.status, 200);
    return { etag: res.headers.get('etag') ?? '', body: (await res.json()) as DefinedEntity };
  };
  const put = (body: unknown, headers: Record<string, string> = {}, token = admin): Promise<Response> =>
    vcd.call('PUT', entityPath, { token, body, headers });

  it('is listed once, owned by System, RESOLVED, with the registry URL it was seeded with', async () => {
    const page = (await (await vcd.call('GET', LIST, { token: admin })).json()) as EntityPage;
    assert.equal(page.resultTotal, 1);
    const [entity] = page.values;
    assert.equal(entity?.org.name, 'System');
    assert.equal(entity?.state, 'RESOLVED');
    assert.equal(entity?.entity.profiles[0]?.['containerRegistryUrl'], REGISTRY_URL);
  });

  it('validates against the VCDKEConfig 1.1.0 schema', async () => {
    const { body } = await read();
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
    assert.equal(validate(body.entity), true, JSON.stringify(validate.errors));
  });

  it('is served with a strong ETag', async () => {
    assert.match((await read()).etag, /^"[0-9a-f]+"$/);
  });

  describe('when the provider writes it', () => {
    it('accepts the current ETag and issues a new one', async () => {
      const before = await read();
      before.body.entity.profiles[0] = { ...before.body.entity.profiles[0], containerRegistryUrl: 'harbor.corp.local/cse' };
      const res = await put(before.body, { 'If-Match': before.etag });
      assert.equal(res.status, 200);
      const newEtag = res.headers.get('etag');
      assert.ok(newEtag && newEtag !== before.etag);
      const after = await read();
      assert.equal(after.etag, newEtag);
      assert.equal(after.body.entity.profiles[0]?.['containerRegistryUrl'], 'harbor.corp.local/cse');
    });

    it('accepts a write without If-Match, as VCD does not demand it', async () => {
      const { body } = await read();
      assert.equal((await put(body)).status, 200);
    });

    it('refuses a stale ETag with 412 and leaves the entity unchanged', async () => {
      const stale = await read();
      assert.equal((await put(stale.body, { 'If-Match': stale.etag })).status, 200);
      const current = await read();
      const changed = structuredClone(stale.body);
      changed.entity.profiles[0] = { ...changed.entity.profiles[0], containerRegistryUrl: 'lost.update/cse' };
      const res = await put(changed, { 'If-Match': stale.etag });
      assert.equal(res.status, 412);
      assert.equal(((await res.json()) as Record<string, string>)['minorErrorCode'], 'PRECONDITION_FAILED');
      assert.deepEqual(await read(), current);
    });

    it('refuses an entity that breaks the schema with 400 and leaves it unchanged', async () => {
      const current = await read();
      const invalid = structuredClone(current.body);
      invalid.entity.profiles[0] = { ...invalid.entity.profiles[0], active: 'yes' };
      const res = await put(invalid, { 'If-Match': current.etag });
      assert.equal(res.status, 400);
      assert.match(((await res.json()) as Record<string, string>)['message'] ?? '', /#\/profiles\/0\/active: must be boolean/);
      assert.deepEqual(await read(), current);
    });

    it('refuses malformed JSON and a body for another entity with 400', async () => {
      const { body } = await read();
      assert.equal((await put('{"name": ')).status, 400);
      assert.equal((await put({ ...body, id: 'urn:vcloud:entity:vmware:VCDKEConfig:other' })).status, 400);
      assert.equal((await put({ ...body, entityType: 'urn:vcloud:type:vmware:other:1.0.0' })).status, 400);
    });
  });

  describe('when a tenant administrator reads it', () => {
    it('lists and reads it read-only, and gets 403 on write', async () => {
      const token = await vcd.login('acme-admin@acme');
      const page = (await (await vcd.call('GET', LIST, { token })).json()) as EntityPage;
      assert.equal(page.resultTotal, 1);
      const { etag, body } = await read(token);
      const res = await put(body, { 'If-Match': etag }, token);
      assert.equal(res.status, 403);
      assert.equal(((await res.json()) as Record<string, string>)['minorErrorCode'], 'ACCESS_TO_RESOURCE_IS_FORBIDDEN');
    });
  });

  describe('when a tenant user without the View right looks for it', () => {
    it('finds nothing and gets 403 on a direct read, even once shared with him', async () => {
      const token = await vcd.login('acme-user@acme');
      const page = (await (await vcd.call('GET', LIST, { token })).json()) as EntityPage;
      assert.equal(page.resultTotal, 0);
      assert.equal((await vcd.call('GET', entityPath, { token })).status, 403);

      const user = vcd.state.get().users.find((candidate) => candidate.name === 'acme-user');
      const grant = { grantType: 'MembershipAccessControlGrant', accessLevelId: 'urn:vcloud:accessLevel:ReadOnly', memberId: user?.id };
      const shared = await vcd.call('POST', `${entityPath}/accessControls`, { token: admin, body: grant });
      assert.equal(shared.status, 201);
      assert.equal((await vcd.call('GET', entityPath, { token })).status, 403, 'an ACL without the right is not enough');
    });
  });

  describe('accessControls', () => {
    it('lists the seeded grants in VCD shape for the provider and refuses tenants', async () => {
      const res = await vcd.call('GET', `${entityPath}/accessControls`, { token: admin });
      assert.equal(res.status, 200);
      const page = (await res.json()) as { values: Record<string, unknown>[] };
      const levels = page.values.map((acl) => acl['accessLevelId']);
      assert.ok(levels.includes('urn:vcloud:accessLevel:FullControl') && levels.includes('urn:vcloud:accessLevel:ReadOnly'));
      assert.deepEqual(Object.keys(page.values[0] ?? {}).sort(), ['accessLevelId', 'grantType', 'id', 'memberId', 'objectId', 'tenant']);
      const tenant = await vcd.login('acme-admin@acme');
      assert.equal((await vcd.call('GET', `${entityPath}/accessControls`, { token: tenant })).status, 403);
    });

    it('refuses an unknown access level with 400', async () => {
      const acme = vcd.state.get().orgs.find((org) => org.name === 'acme');
      const grant = { grantType: 'MembershipAccessControlGrant', accessLevelId: 'urn:vcloud:accessLevel:Owner', memberId: acme?.id };
      assert.equal((await vcd.call('POST', `${entityPath}/accessControls`, { token: admin, body: grant })).status, 400);
    });
  });
});
