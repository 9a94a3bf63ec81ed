/*
 * A hostile or broken registry cannot freeze the provider's page. The sandbox's fault switch makes
 * the registry answer as such a registry would (sandbox/registry/README.md, "Hostile answers"); each
 * test runs the check that meets the answer, proves the page keeps answering (a round trip through
 * its event loop, a button that reacts) and reads what the plug-in says. Times are logged for the
 * record; the bound asserted (5 s) is deliberately generous: a frozen page misses it by far.
 */
import { APIRequestContext, Page, expect, test } from '@playwright/test';
import { Portal } from './support/portal';
import { VcdApi } from './support/vcd-api';

const MiB = 1_048_576;
const BOUND_MS = 5000;
const TKR = 'v1.27.5---vmware.1-tkg.1';

let api: VcdApi;

async function setFaults(request: APIRequestContext, faults: Record<string, unknown> | undefined): Promise<void> {
  const url = new URL('/sandbox/registry/faults', api.info.portalUrl).toString();
  const response = faults === undefined ? await request.delete(url) : await request.post(url, { data: faults });
  expect(response.ok(), await response.text()).toBeTruthy();
}

async function injected(request: APIRequestContext): Promise<Record<string, number>> {
  const response = await request.get(new URL('/sandbox/registry/faults', api.info.portalUrl).toString());
  return ((await response.json()) as { injected: Record<string, number> }).injected;
}

/** How long a task queued on the page's event loop waits to run: a frozen page never answers. */
async function roundTrip(page: Page): Promise<number> {
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return Date.now() - started;
}

/** Samples round trips while `isBusy` holds; returns the slowest. */
async function slowestRoundTripWhile(page: Page, isBusy: () => Promise<boolean>): Promise<number> {
  let slowest = await roundTrip(page);
  while (await isBusy()) {
    slowest = Math.max(slowest, await roundTrip(page));
    await page.waitForTimeout(100);
  }
  return slowest;
}

/** The Airgap tab after a clean registry check, with the seeded Kubernetes release only. */
async function openCheckedAirgap(page: Page): Promise<void> {
  const plugin = await new Portal(page).openAirgapAs('sysadmin');
  const check = plugin.registryCheck();
  await check.setUpAndRun();
  await check.expectAllStepsPassed();
  await plugin.keepOnlyTkr(TKR);
}

const progress = (page: Page) => page.locator('[data-test="dependencies-progress"]');
const summary = (page: Page, status: string) => page.locator(`[data-test="dependencies-summary-${status}"]`);

test.beforeEach(async ({ request }) => {
  api = new VcdApi(request);
  await api.logInAsSystemAdministrator();
  await api.setRegistryUrl(api.info.containerRegistryUrl);
  await setFaults(request, undefined);
});

test.afterEach(async ({ request }) => {
  await setFaults(request, undefined);
});

test('a 1 MiB WWW-Authenticate: the registry check says VCD could not forward the answer, and the page answers throughout', async ({
  page,
  request,
}) => {
  const plugin = await new Portal(page).openAirgapAs('sysadmin');
  const check = plugin.registryCheck();
  await check.ensureVcdAccess();
  await check.ensureStorage();
  await setFaults(request, { hugeHeader: { name: 'WWW-Authenticate', bytes: MiB }, pathPattern: '^/v2/$' });

  await page.locator('[data-test="run-check"]').click();
  const slowest = await slowestRoundTripWhile(page, async () => !(await page.locator('[data-test="run-check"]').isEnabled()));
  console.log(`1 MiB WWW-Authenticate, registry check: slowest round trip through the page ${slowest} ms`);
  expect(slowest).toBeLessThan(BOUND_MS);
  // The sandbox's /ext-api, like a proxy with a bounded head, cannot forward it: the page never sees the megabyte.
  await expect(check.step('registryApi')).toHaveAttribute('data-verdict', 'failed');
  await expect(check.step('registryApi')).toContainText('VCD could not forward the call to the registry (HTTP 502)');
  await expect(check.step('harbor')).toHaveAttribute('data-verdict', 'passed');
  expect((await injected(request))['hugeHeaders']).toBeGreaterThan(0);
});

test('a 1 MiB Link on every Harbor listing: the dependency check ends, each row says why, and the page answers throughout', async ({
  page,
  request,
}) => {
  await openCheckedAirgap(page);
  await setFaults(request, { hugeHeader: { name: 'Link', bytes: MiB }, pathPattern: '^/api/v2\\.0/projects/[^/]+/repositories' });

  await page.locator('[data-test="dependencies-check"]').click();
  await expect(progress(page)).toHaveAttribute('data-state', 'running');
  const slowest = await slowestRoundTripWhile(page, async () => (await progress(page).getAttribute('data-state')) === 'running');
  console.log(`1 MiB Link, dependency check: slowest round trip through the page ${slowest} ms`);
  expect(slowest).toBeLessThan(BOUND_MS);
  await expect(progress(page)).toHaveAttribute('data-state', 'partial');
  await expect(summary(page, 'error')).toHaveText('18');
  await expect(page.locator('[data-test="dependencies-grid"]')).toContainText(
    /Still HTTP 502 after \d+ attempts|the registry stopped answering/,
  );
});

test('Harbor listings that claim 10^12 items and never end: 20 pages per listing at most, then each image is asked for by its tag', async ({
  page,
  request,
}) => {
  await openCheckedAirgap(page);
  await page.locator('[data-test="dependencies-check"]').click();
  await expect(progress(page)).toHaveAttribute('data-state', 'done');
  const presentBefore = await summary(page, 'present').textContent();
  await setFaults(request, { endlessListings: { totalCount: '1000000000000' } });

  const started = Date.now();
  await page.locator('[data-test="dependencies-check"]').click();
  await expect(progress(page)).toHaveAttribute('data-state', 'running');
  const slowest = await slowestRoundTripWhile(page, async () => (await progress(page).getAttribute('data-state')) === 'running');
  const pages = (await injected(request))['listingPages'] ?? 0;
  console.log(
    `endless Harbor listings: check ended after ${Date.now() - started} ms, ${pages} listing pages, slowest round trip ${slowest} ms`,
  );
  expect(slowest).toBeLessThan(BOUND_MS);
  await expect(progress(page)).toHaveAttribute('data-state', 'done');
  // Past the cap each image is asked for through the per-artifact filter: what was found before is found again.
  await expect(summary(page, 'present')).toHaveText(presentBefore ?? '');
  await expect(summary(page, 'error')).toHaveCount(0); // a status with no row is not shown
  // The project's repository list and one artifact list per repository, 20 pages each at most.
  expect(pages).toBeGreaterThan(0);
  expect(pages).toBeLessThanOrEqual(20 * 40);
});

test('PEM markers from Harbor’s CA download (1 MiB), dropped into the certificate input, get an answer within 5 s', async ({
  page,
  request,
}) => {
  await setFaults(request, { pemBody: { bytes: MiB } });
  const download = await request.get(`${api.info.registryUrl}/api/v2.0/systeminfo/getcert`, { ignoreHTTPSErrors: true });
  const body = await download.text();
  expect(body.length).toBe(MiB);
  const plugin = await new Portal(page).openAirgapAs('sysadmin');
  const certificates = plugin.certificates();
  const counted = certificates.rejection('truncated').locator('[data-test="rejection-count"]');

  const dropped = Date.now();
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'ca.crt', { type: 'application/x-x509-ca-cert' }));
    return transfer;
  }, body);
  await page.dispatchEvent('[data-test="certificate-drop-zone"]', 'drop', { dataTransfer });
  await expect(counted).toHaveText('(37,449 times)', { timeout: 60_000 });
  const dropMs = Date.now() - dropped;
  const afterDrop = await roundTrip(page);
  console.log(`PEM markers: 1 MiB dropped → message ${dropMs} ms (round trip after ${afterDrop} ms)`);
  expect(dropMs).toBeLessThan(BOUND_MS);
  await expect(certificates.rejection('truncated')).toHaveCount(1);
});
