// The sandbox's VCD fault switch holding requests: a slow VCD that still answers, and a hung one
// whose client gives up (the request is then dropped, nothing is created).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ACCEPT, startVcd, type VcdUnderTest } from './test-harness.js';

const STATUS_PLAN_INTERFACE = {
  name: 'CSE Airgap registry status',
  vendor: 'cseairgap',
  nss: 'registryStatus',
  version: '1.0.0',
  readonly: false,
};

describe('POST /sandbox/faults with delayMs', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  before(async () => {
    vcd = await startVcd();
    admin = await vcd.login('administrator@System');
  });
  after(() => vcd.close());

  const addFault = (fault: unknown): Promise<Response> =>
    fetch(`${vcd.base}/sandbox/faults`, { method: 'POST', body: JSON.stringify(fault) });
  const interfaces = async (): Promise<string[]> => {
    const page = (await (await vcd.call('GET', '/cloudapi/1.0.0/interfaces', { token: admin })).json()) as { values: { nss: string }[] };
    return page.values.map((value) => value.nss);
  };
  const recorded = async (path: string): Promise<{ path: string; status: number | null }[]> => {
    const { values } = (await (await fetch(`${vcd.base}/sandbox/requests`)).json()) as {
      values: { path: string; status: number | null }[];
    };
    return values.filter((entry) => entry.path === path);
  };

  it('answers a held request as usual once the delay is over', async () => {
    assert.equal((await addFault({ pathPattern: '^/cloudapi/1\\.0\\.0/orgs$', delayMs: 200 })).status, 201);
    const res = await vcd.call('GET', '/cloudapi/1.0.0/orgs', { token: admin });
    assert.equal(res.status, 200);
  });

  it('fails a held request with the given status once the delay is over', async () => {
    await addFault({ pathPattern: '^/cloudapi/1\\.0\\.0/orgs$', delayMs: 50, status: 504 });
    assert.equal((await vcd.call('GET', '/cloudapi/1.0.0/orgs', { token: admin })).status, 504);
  });

  it('drops a request whose client gives up while it is held: nothing is created', async () => {
    await fetch(`${vcd.base}/sandbox/requests`, { method: 'DELETE' });
    await addFault({ method: 'POST', pathPattern: '^/cloudapi/1\\.0\\.0/interfaces$', delayMs: 300_000 });
    const giveUp = new AbortController();
    const sent = fetch(`${vcd.base}/cloudapi/1.0.0/interfaces`, {
      method: 'POST',
      headers: { Accept: ACCEPT, Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(STATUS_PLAN_INTERFACE),
      signal: giveUp.signal,
    }).catch((error: unknown) => error);
    while ((await recorded('/cloudapi/1.0.0/interfaces')).length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    giveUp.abort();
    assert.ok((await sent) instanceof Error);
    assert.equal((await recorded('/cloudapi/1.0.0/interfaces'))[0]?.status, null);
    assert.ok(!(await interfaces()).includes(STATUS_PLAN_INTERFACE.nss));
    // Used up: the next attempt goes through.
    assert.equal((await vcd.call('POST', '/cloudapi/1.0.0/interfaces', { token: admin, body: STATUS_PLAN_INTERFACE })).status, 201);
    assert.ok((await interfaces()).includes(STATUS_PLAN_INTERFACE.nss));
  });

  it('refuses a delay outside 0–300,000 ms, and a fault that neither fails, cuts nor holds', async () => {
    assert.equal((await addFault({ pathPattern: 'orgs', delayMs: 300_001 })).status, 400);
    assert.equal((await addFault({ pathPattern: 'orgs', delayMs: -1 })).status, 400);
    assert.equal((await addFault({ pathPattern: 'orgs' })).status, 400);
    await fetch(`${vcd.base}/sandbox/faults`, { method: 'DELETE' });
  });
});
