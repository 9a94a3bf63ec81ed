import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startVcd, type VcdUnderTest } from '../core/test-harness.js';

interface OrgPage {
  resultTotal: number;
  pageCount: number;
  page: number;
  pageSize: number;
  associations: unknown;
  values: { name: string; id: string }[];
}

describe('GET /cloudapi/1.0.0/orgs', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  before(async () => {
    vcd = await startVcd();
    admin = await vcd.login('administrator@System');
  });
  after(() => vcd.close());

  const orgs = async (query: string, token = admin): Promise<{ res: Response; page: OrgPage }> => {
    const res = await vcd.call('GET', `/cloudapi/1.0.0/orgs${query}`, { token });
    return { res, page: (await res.json()) as OrgPage };
  };

  it('pages every org for the provider in VCD envelope, with a nextPage link', async () => {
    const total = vcd.state.get().orgs.length;
    const { res, page } = await orgs('');
    assert.deepEqual(
      {
        resultTotal: page.resultTotal,
        pageCount: page.pageCount,
        page: page.page,
        pageSize: page.pageSize,
        associations: page.associations,
      },
      { resultTotal: total, pageCount: Math.ceil(total / 25), page: 1, pageSize: 25, associations: null },
    );
    assert.equal(page.values.length, 25);
    assert.match(res.headers.get('link') ?? '', /<http:\/\/127\.0\.0\.1:\d+\/cloudapi\/1\.0\.0\/orgs\?page=2>;rel="nextPage"/);
    const last = await orgs(`?page=${page.pageCount}`);
    assert.equal(last.page.values.length, total - 25 * (page.pageCount - 1));
  });

  it('filters with FIQL and sorts by name', async () => {
    const { page } = await orgs('?filter=name==acme');
    assert.deepEqual(
      page.values.map((org) => org.name),
      ['acme'],
    );
    const sorted = await orgs('?sortDesc=name&pageSize=3');
    assert.deepEqual(
      sorted.page.values.map((org) => org.name),
      ['tenant-42', 'tenant-41', 'tenant-40'],
    );
  });

  it('refuses a page size above 128 with 400', async () => {
    assert.equal((await orgs('?pageSize=129')).res.status, 400);
  });

  it('shows a tenant only his own org, and answers 403 for another', async () => {
    const token = await vcd.login('globex-admin@globex');
    const { page } = await orgs('', token);
    assert.deepEqual(
      page.values.map((org) => org.name),
      ['globex'],
    );
    const acme = vcd.state.get().orgs.find((org) => org.name === 'acme');
    assert.equal((await vcd.call('GET', `/cloudapi/1.0.0/orgs/${acme?.id ?? ''}`, { token })).status, 403);
    assert.equal((await vcd.call('GET', `/cloudapi/1.0.0/orgs/${page.values[0]?.id ?? ''}`, { token })).status, 200);
  });

  it('answers an unknown path with 404 and VCD error body', async () => {
    const res = await vcd.call('GET', '/cloudapi/1.0.0/nothingHere', { token: admin });
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as Record<string, string>)['minorErrorCode'], 'RESOURCE_NOT_FOUND');
  });
});

describe('sandbox test aids', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  before(async () => {
    vcd = await startVcd();
    admin = await vcd.login('administrator@System');
  });
  after(() => vcd.close());

  it('fails the next matching request with the injected status, then recovers', async () => {
    const fault = { method: 'GET', pathPattern: '/orgs$', status: 503, times: 1 };
    assert.equal((await fetch(`${vcd.base}/sandbox/faults`, { method: 'POST', body: JSON.stringify(fault) })).status, 201);
    const failed = await vcd.call('GET', '/cloudapi/1.0.0/orgs', { token: admin });
    assert.equal(failed.status, 503);
    assert.equal(((await failed.json()) as Record<string, string>)['minorErrorCode'], 'SERVICE_UNAVAILABLE');
    assert.equal((await vcd.call('GET', '/cloudapi/1.0.0/orgs', { token: admin })).status, 200);
  });

  it('sends a custom fault body and clears faults on DELETE', async () => {
    const fault = {
      pathPattern: 'entities',
      status: 500,
      body: { minorErrorCode: 'BUSY_ENTITY', message: 'busy', stackTrace: null },
      times: 5,
    };
    await fetch(`${vcd.base}/sandbox/faults`, { method: 'POST', body: JSON.stringify(fault) });
    const res = await vcd.call('GET', '/cloudapi/1.0.0/entities/urn:vcloud:entity:x', { token: admin });
    assert.deepEqual([res.status, ((await res.json()) as Record<string, string>)['minorErrorCode']], [500, 'BUSY_ENTITY']);
    assert.equal((await fetch(`${vcd.base}/sandbox/faults`, { method: 'DELETE' })).status, 204);
    assert.equal((await vcd.call('GET', '/cloudapi/1.0.0/entities/urn:vcloud:entity:x', { token: admin })).status, 403);
  });

  it('records the requests it received with the headers tests assert on', async () => {
    await fetch(`${vcd.base}/sandbox/requests`, { method: 'DELETE' });
    await vcd.call('PUT', '/cloudapi/1.0.0/entities/urn:vcloud:entity:x', { token: admin, headers: { 'If-Match': '"abc"' }, body: {} });
    const { values } = (await (await fetch(`${vcd.base}/sandbox/requests`)).json()) as {
      values: { method: string; path: string; status: number; headers: Record<string, string | null> }[];
    };
    assert.equal(values.length, 1);
    assert.deepEqual(
      {
        method: values[0]?.method,
        path: values[0]?.path,
        status: values[0]?.status,
        auth: values[0]?.headers['authorization'],
        ifMatch: values[0]?.headers['ifMatch'],
      },
      { method: 'PUT', path: '/cloudapi/1.0.0/entities/urn:vcloud:entity:x', status: 403, auth: 'bearer', ifMatch: '"abc"' },
    );
  });
});
