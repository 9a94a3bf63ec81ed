// CSE's clusters in the stand-in: the capvcdCluster types and rights as CSE's install creates them,
// the seeded clusters with CAPVCD-shaped status, VCD's version wildcard, FIQL on the entity's
// state, and VCD's access rules (a tenant administrator reads his organization's clusters only).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KUBERNETES_BUNDLE, SANDBOX_API_TOKEN_MARKER } from './clusters-seed.js';
import { REGISTRY_URL, startVcd, type VcdUnderTest } from '../core/test-harness.js';

const API = '/cloudapi/1.0.0';
const LIST = `${API}/entities/types/vmware/capvcdCluster/1`;

interface Entity {
  id: string;
  name: string;
  entityType: string;
  org: { name: string; id: string };
  entity: {
    status: {
      vcdKe: { state: string };
      capvcd: { errorSet: { name: string; occurredAt: string; additionalDetails?: { error?: string } }[] };
    };
    spec: { vcdKe: { secure: { apiToken: string } } };
  };
}
interface Page {
  resultTotal: number;
  pageCount: number;
  values: Entity[];
}

describe('CSE clusters in the sandbox', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  const list = async (token: string, query = ''): Promise<Page> => {
    const res = await vcd.call('GET', `${LIST}${query}`, { token });
    assert.equal(res.status, 200);
    return (await res.json()) as Page;
  };
  const names = async (token: string, query = ''): Promise<string[]> =>
    (await list(token, query)).values.map((entity) => entity.name).sort();

  before(async () => {
    vcd = await startVcd({ clusters: {} });
    admin = await vcd.login('administrator@System');
  });
  after(() => vcd.close());

  it('lists every capvcdCluster 1.x for the provider through the version wildcard, 1.2.0 (CSE 4.1) included', async () => {
    const page = await list(admin);
    assert.deepEqual(page.values.map((entity) => entity.name).sort(), ['acme-ci', 'acme-dev', 'acme-prod', 'globex-data', 'globex-web']);
    assert.deepEqual([...new Set(page.values.map((entity) => entity.entityType))].sort(), [
      'urn:vcloud:type:vmware:capvcdCluster:1.2.0',
      'urn:vcloud:type:vmware:capvcdCluster:1.3.0',
    ]);
    assert.equal((await list(admin, '')).resultTotal, 5);
    const exact = await vcd.call('GET', `${API}/entities/types/vmware/capvcdCluster/1.2.0`, { token: admin });
    assert.deepEqual(
      ((await exact.json()) as Page).values.map((entity) => entity.name),
      ['globex-data'],
    );
  });

  it('filters on CSE’s state with FIQL, as the plug-in asks', async () => {
    const failed = `?filter=${encodeURIComponent('entity.status.vcdKe.state==error')}&sortAsc=name`;
    assert.deepEqual(await names(admin, failed), ['acme-ci', 'acme-prod', 'globex-web']);
    const search = `?filter=${encodeURIComponent('entity.status.vcdKe.state==error;name==*prod*')}`;
    assert.deepEqual(await names(admin, search), ['acme-prod']);
  });

  it('records the image kubeadm could not pull, one the sandbox registry lacks, as CAPVCD does', async () => {
    const prod = (await list(admin, `?filter=${encodeURIComponent('name==acme-prod')}`)).values[0];
    const errors = prod?.entity.status.capvcd.errorSet ?? [];
    assert.equal(errors.length, 3);
    assert.ok(errors.every((error) => error.name === 'VcdMachineScriptExecutionError'));
    const text = errors[0]?.additionalDetails?.error ?? '';
    assert.match(text, /^script failed with status \[1\] and reason \[/);
    assert.ok(text.includes(`[ERROR ImagePull]: failed to pull image ${REGISTRY_URL}/tkg/coredns:v1.10.1_vmware.7`));
    assert.ok(text.includes(`${REGISTRY_URL}/tkg/coredns:v1.10.1_vmware.7: not found`));
    const web = (await list(admin, `?filter=${encodeURIComponent('name==globex-web')}`)).values[0];
    assert.match(web?.entity.status.capvcd.errorSet[0]?.additionalDetails?.error ?? '', /x509: certificate signed by unknown authority/);
  });

  it('lets acme’s administrator read acme’s clusters only, the one owned by another acme user included', async () => {
    const acme = await vcd.login('acme-admin@acme');
    assert.deepEqual(await names(acme), ['acme-ci', 'acme-dev', 'acme-prod']);
    const globex = await vcd.login('globex-admin@globex');
    assert.deepEqual(await names(globex), ['globex-data', 'globex-web']);
    const webId = (await list(admin, `?filter=${encodeURIComponent('name==globex-web')}`)).values[0]?.id ?? '';
    assert.equal((await vcd.call('GET', `${API}/entities/${webId}`, { token: acme })).status, 403);
  });

  it('gives a tenant user without the cluster rights nothing', async () => {
    const user = await vcd.login('acme-user@acme');
    assert.deepEqual(await names(user), []);
  });

  it('reaches tenants through the Kubernetes Clusters Rights Bundle, published to all', async () => {
    const found = await vcd.call('GET', `${API}/rightsBundles?filter=${encodeURIComponent(`name==${KUBERNETES_BUNDLE}`)}`, {
      token: admin,
    });
    const [bundle] = ((await found.json()) as { values: { id: string; publishAll: boolean }[] }).values;
    assert.equal(bundle?.publishAll, true);
    const rights = await vcd.call('GET', `${API}/rightsBundles/${bundle?.id ?? ''}/rights?pageSize=128`, { token: admin });
    const held = ((await rights.json()) as { values: { name: string }[] }).values.map((right) => right.name);
    assert.ok(held.includes('vmware:capvcdCluster: Administrator View'));
    assert.ok(held.includes('vmware:capvcdCluster: View'));
  });

  it('holds the secrets a real cluster entity holds, for the plug-in to prove it never shows them', async () => {
    const [first] = (await list(admin)).values;
    assert.equal(first?.entity.spec.vcdKe.secure.apiToken, SANDBOX_API_TOKEN_MARKER);
  });

  it('answers 403 for a cluster whose organization was deleted meanwhile', async () => {
    const ci = (await list(admin, `?filter=${encodeURIComponent('name==acme-ci')}`)).values[0];
    const orgs = await vcd.call('GET', `${API}/orgs?filter=name==acme`, { token: admin });
    const acmeId = ((await orgs.json()) as { values: { id: string }[] }).values[0]?.id ?? '';
    const deleted = await vcd.call('DELETE', `${API}/orgs/${acmeId}?force=true&recursive=true`, { token: admin });
    assert.equal(deleted.status, 202);
    assert.equal((await vcd.call('GET', `${API}/entities/${ci?.id ?? ''}`, { token: admin })).status, 403);
    assert.deepEqual(await names(admin), ['globex-data', 'globex-web']);
  });
});

describe('a sandbox with 1,000 filler clusters', () => {
  let vcd: VcdUnderTest;
  let admin: string;
  before(async () => {
    vcd = await startVcd({ fillerOrgs: 20, clusters: { filler: 1000 } });
    admin = await vcd.login('administrator@System');
  });
  after(() => vcd.close());

  it('spreads them over the filler orgs, one in four failed, and pages them 128 at a time at most', async () => {
    const all = await vcd.call('GET', `${LIST}?pageSize=128&page=8`, { token: admin });
    const page = (await all.json()) as Page;
    assert.equal(page.resultTotal, 1005);
    assert.equal(page.pageCount, 8);
    assert.equal(page.values.length, 1005 - 7 * 128);
    const failed = await vcd.call('GET', `${LIST}?pageSize=1&filter=${encodeURIComponent('entity.status.vcdKe.state==error')}`, {
      token: admin,
    });
    assert.equal(((await failed.json()) as Page).resultTotal, 250 + 3);
    assert.equal((await vcd.call('GET', `${LIST}?pageSize=129`, { token: admin })).status, 400);
  });
});
