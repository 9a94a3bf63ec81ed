// A provider with 5,000 organizations: the orgs list and state writes must stay fast. The bounds
// are loose (a slow CI machine must pass); the measured times are printed as test diagnostics.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it, type TestContext } from 'node:test';
import { startVcd, type VcdUnderTest } from '../core/test-harness.js';

const ORGS = 5000;
const API = '/cloudapi/1.0.0';

interface Page {
  resultTotal: number;
  values: { name: string; id: string }[];
}

describe(`a sandbox with ${ORGS} filler orgs`, () => {
  let vcd: VcdUnderTest;
  let admin: string;
  before(async () => {
    vcd = await startVcd({ fillerOrgs: ORGS });
    admin = await vcd.login('administrator@System');
  });
  after(() => vcd.close());

  /** Median of `runs` timed calls, in ms. */
  const timed = async (runs: number, call: () => Promise<void>): Promise<number> => {
    await call(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await call();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
  };
  const orgs = async (query: string): Promise<Page> => {
    const res = await vcd.call('GET', `${API}/orgs?${query}`, { token: admin });
    assert.equal(res.status, 200);
    return (await res.json()) as Page;
  };

  it('names them tenant-0001… to the width of the count, besides System, acme and globex', async () => {
    const page = await orgs('sortAsc=name&pageSize=5&filter=name==tenant-*');
    assert.equal(page.resultTotal, ORGS);
    assert.deepEqual(
      page.values.map((org) => org.name),
      ['tenant-0001', 'tenant-0002', 'tenant-0003', 'tenant-0004', 'tenant-0005'],
    );
    assert.equal((await orgs('')).resultTotal, ORGS + 3);
  });

  it('pages, filters and sorts the orgs list in well under 100 ms', async (t: TestContext) => {
    const queries = {
      'page 1 of 25': 'page=1&pageSize=25',
      'page 40 of 128, sortAsc=name': 'page=40&pageSize=128&sortAsc=name',
      'name==*acme*': `filter=${encodeURIComponent('name==*acme*')}&pageSize=25&sortAsc=name`,
      'displayName==*Tenant 49*': `filter=${encodeURIComponent('displayName==*Tenant 49*')}&pageSize=128&sortAsc=name`,
    };
    for (const [label, query] of Object.entries(queries)) {
      const ms = await timed(15, async () => void (await orgs(query)));
      t.diagnostic(`GET orgs ${label}: ${ms.toFixed(1)} ms (median of 15)`);
      assert.ok(ms < 100, `${label}: ${ms} ms`);
    }
    assert.deepEqual(
      (await orgs(queries['name==*acme*'])).values.map((org) => org.name),
      ['acme'],
    );
    assert.equal((await orgs(queries['displayName==*Tenant 49*'])).resultTotal, 100); // Tenant 4900…4999
  });

  it('writes the state (one entity PUT) in well under 250 ms', async (t: TestContext) => {
    const list = await vcd.call('GET', `${API}/entities/types/vmware/VCDKEConfig/1.1.0`, { token: admin });
    const id = ((await list.json()) as Page).values[0]?.id ?? '';
    const path = `${API}/entities/${id}`;
    const ms = await timed(9, async () => {
      const read = await vcd.call('GET', path, { token: admin });
      const res = await vcd.call('PUT', path, {
        token: admin,
        headers: { 'If-Match': read.headers.get('etag') ?? '' },
        body: await read.json(),
      });
      assert.equal(res.status, 200);
    });
    t.diagnostic(`GET + PUT entities/{id} with ${ORGS} orgs in the state: ${ms.toFixed(1)} ms (median of 9)`);
    assert.ok(ms < 250, `${ms} ms`);
  });
});
