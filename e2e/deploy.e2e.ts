/*
 * `npm run deploy` against the sandbox, as a provider would run it: the real CLI in a child process.
 * It deploys a copy of dist/plugin.zip under another urn, name and route, so the plug-in the other
 * tests use is never touched, and uninstalls the copy at the end.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { Portal } from './support/portal';
import { readSandboxInfo } from './support/sandbox-process';

const COPY = { urn: 'urn:vcloud:plugin:cseairgap:cse-airgap-e2e-copy', name: 'CSE Airgap E2E Copy', route: 'cse-airgap-copy' };
const ACCEPT = 'application/json;version=39.0';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runDeploy(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const cleanEnv = { ...process.env, ...env };
    if (!env['VCD_API_TOKEN']) delete cleanEnv['VCD_API_TOKEN'];
    if (!env['VCD_PASSWORD']) delete cleanEnv['VCD_PASSWORD'];
    const child = spawn(process.execPath, ['--import', 'tsx', 'deploy/main.ts', ...args], {
      env: cleanEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** dist/plugin.zip with another identity (and version), so it is a second, independent plug-in. */
function copyOfThePlugin(dir: string, version: string): string {
  const files = unzipSync(new Uint8Array(readFileSync('dist/plugin.zip')));
  const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as Record<string, unknown> & {
    extensionPoints: Record<string, unknown>[];
  };
  Object.assign(manifest, { urn: COPY.urn, name: COPY.name, route: COPY.route, version });
  manifest.extensionPoints = manifest.extensionPoints.map((point) => ({ ...point, urn: `${COPY.urn}:nav`, route: COPY.route }));
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  const file = path.join(dir, `cse-airgap-copy-${version}.zip`);
  writeFileSync(file, zipSync(files));
  return file;
}

test.describe('npm run deploy against the sandbox', () => {
  test.describe.configure({ mode: 'serial' });
  const info = readSandboxInfo();
  const dir = mkdtempSync(path.join(tmpdir(), 'cse-airgap-deploy-e2e-'));
  const passwordFile = path.join(dir, 'password');
  writeFileSync(passwordFile, 'sandbox\n');
  const login = [
    '--vcd',
    info.portalUrl,
    '--user',
    'administrator@System',
    '--password-file',
    passwordFile,
    '--insecure-ca-file',
    info.caFile,
  ];
  let copyId = '';

  const api = async (method: string, urlPath: string, body?: unknown, extra: Record<string, string> = {}): Promise<Response> => {
    const session = await fetch(new URL('/cloudapi/1.0.0/sessions/provider', info.portalUrl), {
      method: 'POST',
      headers: { Accept: ACCEPT, Authorization: `Basic ${Buffer.from('administrator@System:sandbox').toString('base64')}` },
    });
    const token = session.headers.get('x-vmware-vcloud-access-token') ?? '';
    return fetch(new URL(urlPath, info.portalUrl), {
      method,
      headers: {
        Accept: ACCEPT,
        Authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...extra,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  };
  const fault = async (body: Record<string, unknown>): Promise<void> => {
    expect(
      (
        await fetch(new URL('/sandbox/faults', info.portalUrl), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).status,
    ).toBe(201);
  };
  const expectCopyStillAt = async (version: string): Promise<void> => {
    const plugins = (await (await api('GET', '/cloudapi/extensions/ui')).json()) as {
      id: string;
      pluginName: string;
      version: string;
      plugin_status: string;
    }[];
    const copy = plugins.find((plugin) => plugin.pluginName === COPY.name);
    expect(copy).toMatchObject({ id: copyId, version, plugin_status: 'ready' });
  };

  test.afterAll(async () => {
    await fetch(new URL('/sandbox/faults', info.portalUrl), { method: 'DELETE' });
    const removed = await runDeploy([...login, '--zip', copyOfThePlugin(dir, '0.2.0'), '--uninstall']);
    expect(removed.code, removed.stderr).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  test('installs with one command, published to acme only: acme sees it, globex does not', async ({ page }) => {
    const run = await runDeploy([...login, '--zip', copyOfThePlugin(dir, '0.1.0'), '--publish', 'acme']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const step of [
      'negotiate the API version: 39.0',
      'log in as administrator@System',
      'find the registration: none',
      'register',
      'upload the bundle',
      'wait until ready: ready',
      'publish to acme',
    ]) {
      expect(run.stdout).toContain(`✓ ${step}`);
    }
    const done = /Done: id (urn:vcloud:uiPlugin:\S+), version 0\.1\.0, status ready, published to 1 organization\./.exec(run.stdout);
    expect(done, run.stdout).not.toBeNull();
    copyId = done?.[1] ?? '';
    expect(run.stdout + run.stderr).not.toContain('sandbox\n');

    const portal = new Portal(page);
    await portal.logInAs('acme-admin');
    await expect(page.locator(`[data-test="nav-${COPY.route}"]`)).toBeVisible();
    await expect(page.locator('[data-test="nav-cse-airgap"]')).toBeVisible();
    await portal.logInAs('globex-admin');
    await expect(page.locator('[data-test="nav-cse-airgap"]')).toBeVisible();
    await expect(page.locator(`[data-test="nav-${COPY.route}"]`)).toHaveCount(0);
  });

  test('upgrades in place with one command: same id, new version, publication kept', async () => {
    const run = await runDeploy([...login, '--zip', copyOfThePlugin(dir, '0.2.0')]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`✓ find the registration: ${copyId}, version 0.1.0 (ready)`);
    expect(run.stdout).toContain('✓ update the version metadata: 0.1.0 → 0.2.0');
    expect(run.stdout).toContain(`Done: id ${copyId}, version 0.2.0, status ready, published to 1 organization.`);
  });

  test("a cut upload (wrong size) names the step, HTTP 400 and VCD's message, and 0.2.0 keeps running", async () => {
    await fault({ pathPattern: '^/transfer/', truncateBody: 1000 });
    const run = await runDeploy([...login, '--zip', copyOfThePlugin(dir, '0.3.0')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /✗ upload the bundle: HTTP 400 BAD_REQUEST — \[ [0-9a-f-]+ \] The upload of cse-airgap-copy-0\.3\.0\.zip ended after 1000 bytes, but \d+ bytes were announced\./,
    );
    expect(run.stderr).toContain(`Installed now: ${COPY.name} 0.2.0 (${copyId}), status ready, published to 1 organization.`);
    await expectCopyStillAt('0.2.0');
  });

  test("a VCD error names the step, the status and VCD's message, and changes nothing", async () => {
    await fault({ method: 'POST', pathPattern: '^/cloudapi/extensions/ui/[^/]+/plugin$', status: 500 });
    const run = await runDeploy([...login, '--zip', copyOfThePlugin(dir, '0.3.0')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/✗ announce the upload: HTTP 500 INTERNAL_SERVER_ERROR — \[ [0-9a-f-]+ \] Fault injected by the sandbox/);
    await expectCopyStillAt('0.2.0');
  });

  test('an expired (revoked) API token fails at "log in with the API token" with VCD\'s message', async () => {
    const session = await fetch(new URL('/cloudapi/1.0.0/sessions/provider', info.portalUrl), {
      method: 'POST',
      headers: { Accept: ACCEPT, Authorization: `Basic ${Buffer.from('administrator@System:sandbox').toString('base64')}` },
    });
    const jwt = session.headers.get('x-vmware-vcloud-access-token') ?? '';
    const client = (await (
      await fetch(new URL('/oauth/provider/register', info.portalUrl), {
        method: 'POST',
        headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ client_name: 'e2e-deploy' }),
      })
    ).json()) as { client_id: string };
    const issued = (await (
      await fetch(new URL('/oauth/provider/token', info.portalUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          assertion: jwt,
          client_id: client.client_id,
        }),
      })
    ).json()) as { refresh_token: string };
    const tokenFile = path.join(dir, 'token');
    writeFileSync(tokenFile, issued.refresh_token);

    const valid = await runDeploy(['--vcd', info.portalUrl, '--api-token-file', tokenFile, '--zip', copyOfThePlugin(dir, '0.2.0')]);
    expect(valid.code, valid.stdout + valid.stderr).toBe(0);
    expect(valid.stdout).toContain('✓ log in with the API token');

    expect((await api('DELETE', `/cloudapi/1.0.0/tokens/urn:vcloud:token:${client.client_id}`)).status).toBe(204);
    const run = await runDeploy(['--vcd', info.portalUrl, '--api-token-file', tokenFile, '--zip', copyOfThePlugin(dir, '0.3.0')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('✗ log in with the API token: HTTP 400 invalid_grant — The API token is invalid, expired or revoked.');
    expect(run.stdout + run.stderr).not.toContain(issued.refresh_token);
    await expectCopyStillAt('0.2.0');
  });
});
