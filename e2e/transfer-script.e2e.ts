/*
 * The fix is a real airgap transfer: the skopeo script downloaded for the missing images, run on
 * both sides with a second local registry standing in for the public sources, makes those rows
 * present on re-check. In a sandbox of its own (it fills the gaps the other tests rely on).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Page, expect, test } from '@playwright/test';
import { skopeoLogin } from '../sandbox/registry/testing/skopeo-login';
import { portalOf, startOwnSandbox, stopOwnSandbox } from './support/own-sandbox';
import type { SandboxInfo } from './support/sandbox-process';

const execFileAsync = promisify(execFile);
const TKR = 'v1.27.5---vmware.1-tkg.1';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

let info: SandboxInfo | undefined;
let source: ChildProcess | undefined;
let workDir: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  info = await startOwnSandbox();
  workDir = mkdtempSync(path.join(tmpdir(), 'cse-airgap-transfer-e2e-'));
});

test.afterAll(async () => {
  source?.kill('SIGTERM');
  await stopOwnSandbox(info);
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Starts the stand-in source with these images; answers its host:port. */
async function startSource(sandbox: SandboxInfo, images: readonly string[]): Promise<string> {
  const pkiDir = path.dirname(sandbox.caFile);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sandbox/registry/testing/start-source-registry.ts', path.join(workDir, 'source'), pkiDir, ...images],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  source = child;
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { host: string }).host);
    });
    child.once('exit', (code) => reject(new Error(`the source registry exited with ${code}: ${output}`)));
  });
}

const summary = (page: Page, status: string) => page.locator(`[data-test="dependencies-summary-${status}"]`);
const progress = (page: Page) => page.locator('[data-test="dependencies-progress"]');

test('the skopeo transfer script, run on both sides, makes the missing rows present on re-check', async ({ page }) => {
  test.setTimeout(180_000);
  if (!info) throw new Error('no sandbox');
  const plugin = await portalOf(page, info).openAirgapAs('sysadmin');
  const check = plugin.registryCheck();
  await check.setUpAndRun();
  await plugin.keepOnlyTkr(TKR);
  await page.locator('[data-test="dependencies-check"]').click();
  await expect(progress(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(summary(page, 'missing')).toHaveText('2');
  await expect(summary(page, 'repositoryMissing')).toHaveText('2');

  await page.locator('[data-test="transfer-script"] summary').click();
  const download = page.waitForEvent('download');
  await page.locator('[data-test="transfer-download-skopeo"]').click();
  const scriptFile = path.join(workDir, 'cse-airgap-transfer.sh');
  writeFileSync(scriptFile, readFileSync(await (await download).path(), 'utf8'));
  const script = readFileSync(scriptFile, 'utf8');
  expect(script).toContain("SOURCE_REGISTRY=${SOURCE_REGISTRY:-'projects.registry.vmware.com'}");
  expect(script).toContain(`CA_CERT=\${CA_CERT:-'./registry-ca.crt'}`);

  // What the script exports, put into the stand-in source at the same paths.
  const exported = [...script.matchAll(/^\s*export_image "\$(\w+)"\/'([^']+)'/gm)].map(([, variable, image]) => ({ variable, image }));
  expect(exported).toHaveLength(4);
  const host = await startSource(
    info,
    exported.map(({ variable, image }) => (variable === 'REGISTRY_K8S_IO' ? `k8s/${image}` : (image ?? ''))),
  );

  // Connected side: the source registries are parameters; the stand-in's certificate comes from the sandbox CA.
  const archives = path.join(workDir, 'carried');
  const base = { PATH: process.env['PATH'] ?? '', HOME: workDir, ARCHIVE_DIR: archives };
  await execFileAsync('sh', [scriptFile, 'export'], {
    env: { ...base, SOURCE_REGISTRY: host, REGISTRY_K8S_IO: `${host}/k8s`, SSL_CERT_FILE: info.caFile },
  });

  // Airgapped side: logged in with push rights, trusting the local registry's CA file.
  const registryHost = info.containerRegistryUrl.split('/')[0] ?? '';
  const authFile = path.join(workDir, 'auth.json');
  const password = readFileSync(path.join(path.dirname(path.dirname(info.caFile)), 'admin-password'), 'utf8').trim();
  await skopeoLogin(authFile, registryHost, 'admin', password);
  await execFileAsync('sh', [scriptFile, 'import'], { env: { ...base, CA_CERT: info.caFile, REGISTRY_AUTH_FILE: authFile } });

  await page.locator('[data-test="dependencies-recheck"]').click();
  await expect(progress(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(summary(page, 'present')).toHaveText('18');
  await expect(summary(page, 'missing')).toHaveText('0');
  await expect(summary(page, 'repositoryMissing')).toHaveCount(0);
});
