/*
 * The dependencies check against the sandbox's real registry, seeded for CSE 4.2.1 and
 * Kubernetes v1.27.5 with deliberate gaps (sandbox/registry/seed-images.json).
 */
import { readFileSync } from 'node:fs';
import { Page, expect, test } from '@playwright/test';
import { Portal } from './support/portal';
import { pushTinyImage } from './support/registry-push';
import { VcdApi } from './support/vcd-api';

const TKR = 'v1.27.5---vmware.1-tkg.1';

let api: VcdApi;

test.beforeEach(async ({ request }) => {
  api = new VcdApi(request);
  await api.logInAsSystemAdministrator();
  await api.setRegistryUrl(api.info.containerRegistryUrl);
  await request.delete(new URL('/sandbox/registry/faults', api.info.portalUrl).toString());
});

/** Opens the Airgap tab after a registry check, and keeps only the seeded Kubernetes release. */
async function openDependencies(page: Page): Promise<void> {
  const plugin = await new Portal(page).openAirgapAs('sysadmin');
  const check = plugin.registryCheck();
  await check.setUpAndRun();
  await plugin.keepOnlyTkr(TKR);
}

const summary = (page: Page, status: string) => page.locator(`[data-test="dependencies-summary-${status}"]`);
const progress = (page: Page) => page.locator('[data-test="dependencies-progress"]');

test('finds exactly the seeded gaps, filters them, and downloads a file of the missing lines only', async ({ page }) => {
  await openDependencies(page);
  // Before the check: the 18 images Check will ask for, not checked yet, and nothing to download.
  await expect(summary(page, 'pending')).toHaveText('18');
  await expect(page.locator('[data-test="dependencies-row"][data-status="pending"]').first()).toContainText('Not checked yet');
  await expect(page.locator('[data-test="dependencies-fixes-waiting"]')).toBeVisible();
  await expect(page.locator('[data-test="dependencies-download-missing"]')).toHaveCount(0);
  const started = Date.now();
  await page.locator('[data-test="dependencies-check"]').click();
  await expect(progress(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  console.log(`dependencies check (18 images) against the sandbox: ${Date.now() - started} ms`);
  await expect(summary(page, 'present')).toHaveText('14');
  await expect(summary(page, 'missing')).toHaveText('2');
  await expect(summary(page, 'repositoryMissing')).toHaveText('2');

  await page.locator('[data-test="dependencies-filter-missing"]').click();
  const rows = page.locator('[data-test="dependencies-row"]');
  await expect(rows).toHaveCount(4);
  await expect(page.locator('[data-test="dependencies-grid"]')).toContainText('csi-resizer');
  await expect(page.locator('[data-test="dependencies-grid"]')).toContainText('v1.6.0');

  const download = page.waitForEvent('download');
  await page.locator('[data-test="dependencies-download-missing"]').click();
  const file = readFileSync(await (await download).path(), 'utf8');
  const lines = file.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
  expect(lines).toHaveLength(4);
  expect(lines.every((line) => line.trim().split(/\s+/).length === 3)).toBeTruthy();
  expect(file).toContain('sig-storage/csi-resizer v1.4.0');
  expect(file).toContain('csi-crs-airgapped 1.6.0');
});

test('cancelling stops a slow check, and the bar ends as cancelled', async ({ page, request }) => {
  await openDependencies(page);
  await request.post(new URL('/sandbox/registry/faults', api.info.portalUrl).toString(), { data: { latencyMs: 1500 } });
  await page.locator('[data-test="dependencies-check"]').click();
  await expect(progress(page)).toHaveAttribute('data-state', 'running');
  await page.locator('[data-test="dependencies-cancel"]').click();
  await expect(progress(page)).toHaveAttribute('data-state', 'cancelled');
});

test('re-checks only what failed, after an image is pushed to the registry', async ({ page }) => {
  await openDependencies(page);
  await page.locator('[data-test="dependencies-check"]').click();
  await expect(progress(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(summary(page, 'repositoryMissing')).toHaveText('2');

  const base = api.info.containerRegistryUrl.split('/').slice(1).join('/');
  await pushTinyImage(api.info, `${base}/vmware-cloud-director/sig-storage/csi-resizer`, 'v1.4.0');
  await page.locator('[data-test="dependencies-recheck"]').click();
  await expect(progress(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(summary(page, 'present')).toHaveText('15');
  await expect(summary(page, 'repositoryMissing')).toHaveText('1');
});
