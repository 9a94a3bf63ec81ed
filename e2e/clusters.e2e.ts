/*
 * Why did this cluster fail? The provider's Clusters tab reads what CAPVCD recorded on the seeded
 * clusters (sandbox/vcd/clusters/clusters-seed.ts), re-checks the one image kubeadm could not pull, and says
 * whether a new cluster would get past that step once the image is pushed; acme's administrator
 * sees acme's clusters only, in English and in French.
 *
 * This file starts a sandbox of its own: it pushes an image the shared sandbox deliberately lacks
 * (the dependency check's e2e counts those gaps).
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { Locator, Page, Request, expect, test } from '@playwright/test';
import { portalOf } from './support/own-sandbox';
import { PluginPage } from './support/portal';
import { pushTinyImage } from './support/registry-push';
import { SandboxInfo, startSandboxProcess } from './support/sandbox-process';

let sandbox: SandboxInfo | undefined;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function own(): SandboxInfo {
  if (!sandbox) throw new Error('this file’s sandbox did not start');
  return sandbox;
}

/** The portal compiles its host in the browser: on a busy machine the first page takes a while. */
const LOAD = { timeout: 60_000 };
type Persona = 'sysadmin' | 'acme-admin';

async function logIn(page: Page, persona: Persona, lang: 'en' | 'fr' = 'en'): Promise<void> {
  await portalOf(page, own()).logInAs(persona, lang, LOAD);
  await page.locator('[data-test="nav-cse-airgap"]').click();
}

/** A screenshot in test-results/, copied to docs/ for the README with SCREENSHOTS=1. */
async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  const shot = `test-results/${name}.png`;
  await page.screenshot({ path: shot, fullPage });
  if (process.env['SCREENSHOTS']) {
    mkdirSync('docs', { recursive: true });
    copyFileSync(shot, `docs/${name}.png`);
  }
}

const row = (page: Page, cluster: string): Locator => page.locator(`[data-test="cluster-row"][data-cluster="${cluster}"]`);
const finding = (page: Page, index: number): Locator => page.locator('[data-test="cluster-detail"] [data-test="finding"]').nth(index);

async function openDetail(page: Page, cluster: string): Promise<void> {
  await row(page, cluster).locator('button.datagrid-detail-caret-button').click();
  await expect(page.locator('[data-test="cluster-detail"] [data-test="finding"]').first()).toBeVisible();
}

async function openClustersTab(page: Page): Promise<void> {
  await logIn(page, 'sysadmin');
  await page.locator('[data-test="tab-airgap"]').click(LOAD);
  await new PluginPage(page).registryCheck().ensureVcdAccess();
  await page.locator('[data-test="tab-clusters"]').click();
  await expect(row(page, 'acme-prod')).toBeVisible(LOAD);
}

async function openTenantClusters(page: Page, lang: 'en' | 'fr'): Promise<void> {
  await logIn(page, 'acme-admin', lang);
  await page.locator('[data-test="tenant-clusters-show"]').click(LOAD);
  await expect(row(page, 'acme-prod')).toBeVisible(LOAD);
}

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.describe('Clusters: why did this cluster fail?', () => {
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    sandbox = await startSandboxProcess(120_000);
  });

  test.afterAll(async () => {
    if (!sandbox) return;
    try {
      process.kill(sandbox.pid, 'SIGINT'); // as Ctrl-C: the sandbox stops its registry itself
    } catch {
      return; // already gone
    }
    for (let waited = 0; waited < 10_000 && isRunning(sandbox.pid); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    rmSync(sandbox.stateDir, { recursive: true, force: true });
  });

  test('the provider’s Clusters tab lists the failing clusters of every organization with their first finding', async ({ page }) => {
    await openClustersTab(page);
    await expect(page.locator('[data-test="cluster-row"]')).toHaveCount(3);
    await expect(row(page, 'acme-prod').locator('[data-test="cell-org"]')).toHaveText('acme');
    await expect(row(page, 'acme-prod').locator('[data-test="cell-finding"]')).toContainText('Image missing');
    await expect(row(page, 'globex-web').locator('[data-test="cell-finding"]')).toContainText('Certificate not trusted');
    await expect(row(page, 'acme-ci').locator('[data-test="cell-finding"]')).toContainText('VCD endpoint unreachable');
    await expect(row(page, 'acme-dev')).toHaveCount(0); // healthy: not listed as failed
    await screenshot(page, 'sandbox-clusters');

    await page.locator('[data-test="clusters-mode"]').selectOption('all');
    await expect(page.locator('[data-test="cluster-row"]')).toHaveCount(5);
    await expect(row(page, 'globex-data').locator('[data-test="cell-finding"]')).toContainText('No error recorded');
  });

  test('check now re-checks exactly the missing image at its expected path, then says a new cluster would get past it once pushed', async ({
    page,
  }) => {
    await openClustersTab(page);
    await openDetail(page, 'acme-prod');
    const info = own();
    const image = `${info.containerRegistryUrl}/tkg/coredns:v1.10.1_vmware.7`;
    const missing = finding(page, 0);
    await expect(missing).toHaveAttribute('data-kind', 'imageMissing');
    await expect(missing.locator('[data-test="finding-expected"]')).toHaveText(image);
    await expect(missing.locator('[data-test="finding-source"]')).toHaveText('projects.registry.vmware.com/tkg/coredns:v1.10.1_vmware.7');
    await expect(missing.locator('[data-test="finding-when"]')).toContainText('recorded 3 times');
    await expect(page.locator('body')).not.toContainText('SANDBOX-API-TOKEN');

    const registryCalls: Request[] = [];
    const writes: Request[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/ext-api/')) registryCalls.push(request);
      // A re-check of one image is not a whole dependency check: the stored result is not written.
      if (path.startsWith('/cloudapi/1.0.0/entities') && request.method() !== 'GET') writes.push(request);
    });
    await missing.locator('[data-test="finding-check"]').click();
    const result = missing.locator('[data-test="finding-check-result"]');
    await expect(result).toHaveAttribute('data-verdict', 'stillFailing', { timeout: 30_000 });
    await expect(result).toContainText(`${image} is still missing`);
    await expect(result).toContainText('A cluster created now would stop here again');
    // Project-wide reads (visibility, repository names) aside, the one image asked for is coredns.
    const asked = registryCalls.map((request) => decodeURIComponent(decodeURIComponent(new URL(request.url()).pathname)));
    const perImage = asked.filter((path) => path.includes('/artifacts') || path.includes('/manifests/'));
    expect(perImage.length, asked.join('\n')).toBeGreaterThan(0);
    expect(
      perImage.every((path) => path.includes('tkg/coredns')),
      asked.join('\n'),
    ).toBeTruthy();

    expect(
      writes.map((request) => `${request.method()} ${request.url()}`),
      'check now writes no entity',
    ).toEqual([]);

    await pushTinyImage(info, `${info.containerRegistryUrl.split('/').slice(1).join('/')}/tkg/coredns`, 'v1.10.1_vmware.7');
    await missing.locator('[data-test="finding-check"]').click();
    await expect(result).toHaveAttribute('data-verdict', 'wouldPass', { timeout: 30_000 });
    await expect(result).toContainText(`${image} is present`);
    await expect(result).toContainText('A cluster created now would get past this step');
    await result.scrollIntoViewIfNeeded();
    await screenshot(page, 'sandbox-cluster-check', false);
  });

  test('a certificate finding re-checks the registry against the CA certificates CSE gives the nodes', async ({ page }) => {
    await openClustersTab(page);
    await openDetail(page, 'globex-web');
    const untrusted = finding(page, 0);
    await expect(untrusted).toHaveAttribute('data-kind', 'untrustedCertificate');
    await untrusted.locator('[data-test="finding-check"]').click();
    // The seeded VCDKEConfig lists no CA for the nodes: the registry is reached, but still not trusted.
    await expect(untrusted.locator('[data-test="finding-check-result"]')).toHaveAttribute('data-verdict', 'stillFailing', {
      timeout: 30_000,
    });
    await untrusted.locator('[data-test="finding-fix"]').click();
    await expect(page.locator('#cse-section-certificates')).toBeInViewport({ timeout: 10_000 });
  });

  test('the Clusters tab has its own address', async ({ page }) => {
    await openClustersTab(page);
    await page.goto(`${page.url().replace(/\/$/, '')}/clusters`);
    await expect(row(page, 'acme-prod')).toBeVisible();
  });

  test('acme’s administrator sees acme’s clusters only, in English and in French', async ({ page }) => {
    await openTenantClusters(page, 'en');
    await page.locator('[data-test="tenant-clusters"] [data-test="clusters-mode"]').selectOption('all');
    await expect(page.locator('[data-test="cluster-row"]')).toHaveCount(3);
    await expect(page.locator('[data-test="tenant-clusters"]')).not.toContainText('globex');
    await openDetail(page, 'acme-prod');
    await expect(finding(page, 0)).toContainText('Image missing');
    await expect(page.locator('[data-test="finding-check"]')).toHaveCount(0);

    await openTenantClusters(page, 'fr');
    await expect(row(page, 'acme-prod').locator('[data-test="cell-finding"]')).toContainText('Image absente');
    await expect(row(page, 'acme-ci').locator('[data-test="cell-finding"]')).toContainText("Point d'accès VCD injoignable");
    await expect(page.locator('[data-test="tenant-clusters"]')).not.toContainText('globex');
  });
});
