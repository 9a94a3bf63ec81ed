/*
 * What the plug-in keeps in VCD is whole: a dependency check that is cancelled part-way leaves the
 * last complete result stored (and shown after a reload), and a VCD that does not answer the
 * write within 30 s is said so, with a retry — never silence.
 */
import { Page, expect, test } from '@playwright/test';
import { Portal } from './support/portal';
import { VcdApi } from './support/vcd-api';

const TKR = 'v1.27.5---vmware.1-tkg.1';
const IMAGES = 18;

let api: VcdApi;

test.beforeEach(async ({ request }) => {
  api = new VcdApi(request);
  await api.logInAsSystemAdministrator();
  await api.setRegistryUrl(api.info.containerRegistryUrl);
  await request.delete(new URL('/sandbox/registry/faults', api.info.portalUrl).toString());
  await request.delete(new URL('/sandbox/faults', api.info.portalUrl).toString());
});

test.afterEach(async ({ request }) => {
  await request.delete(new URL('/sandbox/registry/faults', api.info.portalUrl).toString());
  await request.delete(new URL('/sandbox/faults', api.info.portalUrl).toString());
});

/** Opens the Airgap tab after a registry check, and keeps only the seeded Kubernetes release. */
async function openDependencies(page: Page): Promise<void> {
  const plugin = await new Portal(page).openAirgapAs('sysadmin');
  const check = plugin.registryCheck();
  await check.setUpAndRun();
  // The registry check is kept first: the writes below are the dependency check's own.
  await expect(check.kept()).toBeVisible();
  await plugin.keepOnlyTkr(TKR);
}

/** The dependency check kept in the system status entity, read as another administrator would. */
async function storedCheck(): Promise<{ checkedAt: string; outcome: string; results: unknown[]; counts: Record<string, number> }> {
  const listed = await api.get('/cloudapi/1.0.0/entities/types/cseairgap/registryStatus/1.0.0?filter=name==system');
  const [system] = listed.body['values'] as { id: string }[];
  const entity = await api.get(`/cloudapi/1.0.0/entities/${system?.id ?? ''}`);
  return (entity.body['entity'] as Record<string, unknown>)['lastDependencyCheck'] as {
    checkedAt: string;
    outcome: string;
    results: unknown[];
    counts: Record<string, number>;
  };
}

const progress = (page: Page) => page.locator('[data-test="dependencies-progress"]');
const summary = (page: Page, status: string) => page.locator(`[data-test="dependencies-summary-${status}"]`);
const checkedCount = async (page: Page): Promise<number> =>
  Number(/^\s*(\d+)/.exec(await page.locator('[data-test="dependencies-progress-text"]').innerText())?.[1] ?? 0);

test('a check cancelled at about 20 % keeps the previous complete result, which a reload shows', async ({ page, request }) => {
  await openDependencies(page);
  await page.locator('[data-test="dependencies-check"]').click();
  await expect(progress(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.locator('[data-test="dependencies-kept"]')).toBeVisible();
  const complete = await storedCheck();
  expect(complete.outcome).toBe('done');
  expect(complete.results).toHaveLength(IMAGES);

  // A slow registry: each request waits, so the check can be cancelled part-way.
  await request.post(new URL('/sandbox/registry/faults', api.info.portalUrl).toString(), { data: { latencyMs: 1500 } });
  await page.locator('[data-test="dependencies-check"]').click();
  await expect.poll(() => checkedCount(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(Math.round(IMAGES * 0.2));
  await page.locator('[data-test="dependencies-cancel"]').click();
  await expect(progress(page)).toHaveAttribute('data-state', 'cancelled');
  const cancelledAt = await checkedCount(page);
  expect(cancelledAt).toBeLessThan(IMAGES);
  const notice = page.locator('[data-test="dependencies-not-whole"]');
  await expect(notice).toContainText(`cancelled at ${cancelledAt} of ${IMAGES} images`);
  await expect(notice).toContainText('is still the one kept');
  // Its rows stay on the page: the unanswered ones pending.
  await expect(summary(page, 'pending')).toHaveText(String(IMAGES - cancelledAt));
  expect(await storedCheck()).toEqual(complete);

  await request.delete(new URL('/sandbox/registry/faults', api.info.portalUrl).toString());
  await page.reload();
  await page.locator('[data-test="tab-airgap"]').click();
  await expect(page.locator('[data-test="dependencies-last-check"]')).toContainText(complete.checkedAt.replace('T', ' ').slice(0, 19));
  // The counts of the complete result (other tests may have pushed images into the shared sandbox before).
  await expect(summary(page, 'present')).toHaveText(String(complete.counts['present']));
  await expect(summary(page, 'missing')).toHaveText(String(complete.counts['missing']));
  await expect(summary(page, 'pending')).toHaveCount(0);
});

test('a VCD that does not answer the write within 30 s is reported with a retry, which keeps the result', async ({ page, request }) => {
  // The page's clock runs as usual, and jumps the plug-in's 30 s wait instead of sitting through it.
  await page.clock.install();
  await openDependencies(page);
  // The next write of a status entity is held longer than the plug-in waits: a VCD that hangs.
  const hold = { method: 'PUT', pathPattern: '^/cloudapi/1\\.0\\.0/entities/urn:', delayMs: 120_000 };
  expect((await request.post(new URL('/sandbox/faults', api.info.portalUrl).toString(), { data: hold })).ok()).toBeTruthy();
  await page.locator('[data-test="dependencies-check"]').click();
  await expect(progress(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.locator('[data-test="dependencies-keeping"]')).toBeVisible();
  const failure = page.locator('[data-test="vcd-error"]');
  await expect(failure).toHaveCount(0);
  await page.clock.fastForward('00:25');
  await expect(failure).toHaveCount(0);
  await page.clock.fastForward('00:06');
  await expect(failure).toContainText('VCD did not answer within 30 s');
  await expect(page.locator('[data-test="dependencies-keep-failed"]')).toBeVisible();

  await failure.locator('[data-test="vcd-error-retry"]').click();
  await expect(page.locator('[data-test="dependencies-kept"]')).toBeVisible();
  expect((await storedCheck()).outcome).toBe('done');
});
