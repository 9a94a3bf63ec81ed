import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startVcd, type VcdUnderTest } from '../sandbox/vcd/core/test-harness.js';
import { deploy, type DeployOptions, type DeployReport } from './deploy.js';
import { createHttp, type HttpSend } from './http.js';
import { writeFakePlugin } from './testing/fake-plugin.js';
import { StepError } from './vcd-client.js';

const FAST = { timeoutMs: 5_000, intervalMs: 20, unavailableGraceMs: 100 };

describe('deploy against the sandbox VCD', () => {
  let vcd: VcdUnderTest;
  let dir: string;
  let lines: string[];
  const zips: Record<string, string> = {};

  before(async () => {
    vcd = await startVcd();
    dir = await mkdtemp(path.join(tmpdir(), 'deploy-test-'));
    for (const version of ['1.0.0', '1.1.0', '0.9.0'])
      zips[version] = await writeFakePlugin(path.join(dir, `plugin-${version}.zip`), { version });
  });
  after(async () => {
    await vcd.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    lines = [];
    await fetch(`${vcd.base}/sandbox/faults`, { method: 'DELETE' });
  });

  const options = (extra: Partial<DeployOptions> = {}): DeployOptions => ({
    vcd: new URL(vcd.base),
    zip: zips['1.0.0'] ?? '',
    credentials: { kind: 'password', user: 'administrator@System', password: 'sandbox' },
    timing: FAST,
    ...extra,
  });
  const run = (extra: Partial<DeployOptions> = {}): Promise<DeployReport> =>
    deploy(options(extra), { log: (line) => lines.push(line), error: (line) => lines.push(line) });
  const failure = async (extra: Partial<DeployOptions>): Promise<StepError> => {
    const error = await run(extra).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof StepError, `expected a StepError, got ${String(error)}`);
    return error;
  };
  const fault = async (body: Record<string, unknown>): Promise<void> => {
    const res = await fetch(`${vcd.base}/sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 201);
  };
  const installed = async (): Promise<{ id: string; version: string; plugin_status: string }[]> => {
    const token = await vcd.login('administrator@System');
    return (await (await vcd.call('GET', '/cloudapi/extensions/ui', { token })).json()) as {
      id: string;
      version: string;
      plugin_status: string;
    }[];
  };

  it('installs, publishes to all tenants and reports id, version, status and publications', async () => {
    const report = await run({ publish: 'all' });
    assert.match(report.id ?? '', /^urn:vcloud:uiPlugin:/);
    assert.equal(report.version, '1.0.0');
    assert.equal(report.status, 'ready');
    assert.equal(report.publications, 44);
    for (const step of [
      'negotiate the API version: 39.0',
      'register',
      'announce the upload',
      'upload the bundle',
      'wait until ready: ready',
      'publish to all tenants',
    ]) {
      assert.ok(
        lines.some((line) => line.startsWith(`✓ ${step}`)),
        `${step} in\n${lines.join('\n')}`,
      );
    }
  });

  it('does not upload the same version again unless forced', async () => {
    const report = await run();
    assert.equal(report.publications, 44);
    assert.ok(lines.some((line) => line.includes('1.0.0 is already installed; nothing to upload')));
    assert.ok(!lines.some((line) => line.startsWith('✓ upload the bundle')));
  });

  it('upgrades in place: same id, new version, publications kept', async () => {
    const [before] = await installed();
    const report = await run({ zip: zips['1.1.0'] ?? '' });
    assert.equal(report.id, before?.id);
    assert.equal(report.version, '1.1.0');
    assert.equal(report.publications, 44);
    assert.ok(lines.includes('✓ update the version metadata: 1.0.0 → 1.1.0'));
    assert.ok(lines.includes('✓ keep the publications: 44 kept'));
  });

  it('refuses a downgrade without --force, and does it with --force', async () => {
    const refused = await failure({ zip: zips['0.9.0'] ?? '' });
    assert.equal(refused.step, 'compare the versions');
    assert.match(refused.detail, /1\.1\.0 is installed and 0\.9\.0 is older; add --force/);
    const forced = await run({ zip: zips['0.9.0'] ?? '', force: true });
    assert.equal(forced.version, '0.9.0');
    await run({ zip: zips['1.1.0'] ?? '' });
  });

  it('a cut upload fails at "upload the bundle" with HTTP 400 and VCD\'s message, and the previous version keeps running', async () => {
    await fault({ pathPattern: '^/transfer/', truncateBody: 100 });
    const error = await failure({ zip: zips['1.0.0'] ?? '', force: true });
    assert.equal(error.step, 'upload the bundle');
    assert.equal(error.status, 400);
    assert.match(
      error.message,
      /^upload the bundle: HTTP 400 BAD_REQUEST — \[ [0-9a-f-]+ \] The upload of plugin-1\.0\.0\.zip ended after 100 bytes/,
    );
    const [plugin] = await installed();
    assert.equal(plugin?.version, '1.1.0');
    assert.equal(plugin?.plugin_status, 'ready');
  });

  it("a VCD error names the step, the status and VCD's message, and changes nothing", async () => {
    await fault({ method: 'POST', pathPattern: '/plugin$', status: 500 });
    const error = await failure({ zip: zips['1.0.0'] ?? '', force: true });
    assert.equal(error.step, 'announce the upload');
    assert.match(error.message, /^announce the upload: HTTP 500 INTERNAL_SERVER_ERROR — \[ .+ \] Fault injected by the sandbox/);
    const [plugin] = await installed();
    assert.equal(plugin?.version, '1.1.0');
  });

  it('publishes to named organizations only, and unpublishes', async () => {
    const latest = zips['1.1.0'] ?? '';
    await run({ zip: latest, unpublish: 'all' });
    const report = await run({ zip: latest, publish: ['acme'] });
    assert.equal(report.publications, 1);
    const unknown = await failure({ zip: latest, publish: ['no-such-org'] });
    assert.equal(unknown.step, 'find the organizations');
    const withdrawn = await run({ zip: latest, unpublish: ['acme'] });
    assert.equal(withdrawn.publications, 0);
  });

  it('--unpublish alone changes only the publications: an older zip is neither refused nor uploaded', async () => {
    await run({ zip: zips['1.1.0'] ?? '', publish: 'all' });
    lines = [];
    const report = await run({ zip: zips['0.9.0'] ?? '', unpublish: ['acme'] });
    assert.equal(report.version, '1.1.0');
    assert.ok(!lines.some((line) => line.includes('upload')), lines.join('\n'));
    assert.ok(lines.some((line) => line.includes('unpublish from acme')));
  });

  it('logs in with an API token, and names the step when the token is not valid', async () => {
    const session = await vcd.login('administrator@System');
    const registered = (await (
      await fetch(`${vcd.base}/oauth/provider/register`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ client_name: 'deploy-test' }),
      })
    ).json()) as { client_id: string };
    const handedOut = (await (
      await fetch(`${vcd.base}/oauth/provider/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          assertion: session,
          client_id: registered.client_id,
        }),
      })
    ).json()) as { refresh_token: string };
    const report = await run({ zip: zips['1.1.0'] ?? '', credentials: { kind: 'apiToken', token: handedOut.refresh_token } });
    assert.equal(report.status, 'ready');
    assert.ok(lines.includes('✓ log in with the API token'));

    const error = await failure({ credentials: { kind: 'apiToken', token: 'expired-or-revoked' } });
    assert.equal(error.message, 'log in with the API token: HTTP 400 invalid_grant — The API token is invalid, expired or revoked.');
  });

  it('a provider without the System Administrator role fails at "find the registration" with 403', async () => {
    const error = await failure({ credentials: { kind: 'password', user: 'cse-viewer@System', password: 'sandbox' } });
    assert.equal(error.step, 'find the registration');
    assert.equal(error.status, 403);
  });

  it('uninstalls: bundle and registration go', async () => {
    const report = await run({ zip: zips['1.1.0'] ?? '', uninstall: true });
    assert.equal(report.status, 'uninstalled');
    assert.deepEqual(await installed(), []);
    const again = await run({ uninstall: true });
    assert.equal(again.id, null);
  });

  it('a fresh install whose upload fails leaves no registration behind', async () => {
    await fault({ pathPattern: '^/transfer/', truncateBody: 0 });
    const error = await failure({});
    assert.equal(error.step, 'upload the bundle');
    assert.ok(lines.some((line) => line.startsWith('✓ roll back: removed the new registration')));
    assert.deepEqual(await installed(), []);
  });
  it('refuses an upload link on another origin: nothing is sent there, and the new registration is removed', async () => {
    const real = createHttp();
    const elsewhere = 'https://transfer.attacker.example';
    const sent: string[] = [];
    const http: HttpSend = async (request) => {
      sent.push(request.url);
      const response = await real(request);
      const link = response.headers['link'];
      return link ? { ...response, headers: { ...response.headers, link: link.replace(/<[a-z]+:\/\/[^/]+/, `<${elsewhere}`) } } : response;
    };
    const error = await failure({ http });
    assert.equal(error.step, 'announce the upload');
    assert.match(error.message, /VCD gave an address on https:\/\/transfer\.attacker\.example, not on http:\/\/127\.0\.0\.1:\d+: refused/);
    assert.deepEqual(
      sent.filter((url) => !url.startsWith(vcd.base)),
      [],
    );
    assert.ok(lines.some((line) => line.startsWith('✓ roll back: removed the new registration')));
    assert.deepEqual(await installed(), []);
  });
});
