// The Organizations tab at scale, in Chromium against the real plug-in bundle: a sandbox seeded
// with 5,000 organizations (200 in quick mode), the time from opening the tab to the first page
// of the grid, to the next page and to a search (by the page's clock, bench/page-clock.ts), the
// requests each costs (paged: never the full list), then a check of 50 selected organizations (2
// in quick mode). Run by `npm run bench`
// after the registry benchmarks.
import { type Page, type Request } from '@playwright/test';
import { withBenchSandbox, type BenchSandbox } from './bench-sandbox.js';
import { firstChangedFrom, hasText, isThere, timeInPage } from './page-clock.js';

export interface OrgGridSize {
  /** Filler organizations to seed (besides acme and globex). */
  readonly orgs: number;
  /** Organizations selected and checked at the end: the first page of the `tenant-00` search. */
  readonly checked: number;
}

export const FULL_ORG_GRID: OrgGridSize = { orgs: 5000, checked: 50 };
export const QUICK_ORG_GRID: OrgGridSize = { orgs: 200, checked: 2 };

/** The sandbox's filler names: `tenant-0001`… for 5,000, `tenant-001`… for 200 (see sandbox/vcd/seed.ts). */
function fillerName(n: number, count: number): string {
  return `tenant-${String(n).padStart(Math.max(2, String(count).length), '0')}`;
}

/**
 * The storage state decides whether checks can run: wait until the tab shows it (the setup offer,
 * or the tenant access that is read once storage is ready), set it up if offered, and wait for
 * the tab to say it is ready. Never a fixed moment: a fresh sandbox answers when it answers.
 */
async function ensureStorage(page: Page): Promise<void> {
  const create = page.locator('[data-test="storage-create"]');
  const ready = page.locator('[data-test="tenant-access"]');
  await create.or(ready).first().waitFor({ timeout: 60_000 });
  if (await create.isVisible()) {
    await create.click();
    await create.waitFor({ state: 'detached', timeout: 60_000 });
  }
  await ready.waitFor({ timeout: 60_000 });
}

/** Seeds the sandbox needs for this part: `ORGS` filler organizations. */
export function orgGridArgs(size: OrgGridSize): string[] {
  return ['--orgs', String(size.orgs)];
}

/** Runs in `shared` (a sandbox started with at least orgGridArgs(size)), or in one of its own. */
export async function benchOrganizationsGrid(size: OrgGridSize = FULL_ORG_GRID, shared?: BenchSandbox): Promise<void> {
  await withBenchSandbox(shared, orgGridArgs(size), (bench) => measureOrganizationsGrid(size, bench));
}

async function measureOrganizationsGrid(size: OrgGridSize, { sandbox, browser, readyMs }: BenchSandbox): Promise<void> {
  const ORGS = size.orgs;
  console.log(`\nOrganizations grid, ${ORGS} organizations (sandbox with ${sandbox.args.join(' ')} ready in ${Math.round(readyMs)} ms)`);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    const orgRequests: Request[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/cloudapi/1.0.0/orgs') orgRequests.push(request);
    });
    await page.goto(sandbox.portalUrl);
    await page.locator('[data-test="persona-sysadmin"]').click();
    await page.locator('[data-test="nav-cse-airgap"]').click();
    await page.locator('[data-test="tab-registry-settings"]').waitFor();
    // Storage and the VCD access path, as a provider sets them up once.
    await page.locator('[data-test="tab-airgap"]').click();
    const create = page.locator('[data-test="ext-api-create"]');
    await page.locator('[data-test="ext-api-ready"]').or(create).waitFor();
    if (await create.isVisible()) await create.click();
    await page.locator('[data-test="ext-api-ready"]').waitFor();

    const RANGE = '[data-test="orgs-range"]';
    const range = page.locator(RANGE);
    const ROW = 'clr-dg-row[data-org]';
    const first = await timeInPage(
      page,
      orgRequests,
      () => page.locator('[data-test="tab-organizations"]').click(),
      `${hasText(RANGE, `of ${ORGS + 2} organizations`)} && ${isThere(ROW)}`,
    );
    console.log(
      `  first page shown:        ${first.ms.toFixed(0)} ms, ${first.asked.length} orgs request(s): ${first.asked.map((request) => new URL(request.url()).search).join(' ')}`,
    );

    // Clarity writes the new range at the click: the next page is shown when its rows are.
    const firstOfPage1 = (await page.locator(ROW).first().getAttribute('data-org')) ?? '';
    const next = await timeInPage(
      page,
      orgRequests,
      () => page.locator('.pagination-next').click(),
      firstChangedFrom(ROW, 'data-org', firstOfPage1),
    );
    console.log(`  next page:               ${next.ms.toFixed(0)} ms, ${next.asked.length} orgs request(s)`);

    const searched = fillerName(ORGS - 1, ORGS);
    const search = await timeInPage(
      page,
      orgRequests,
      () => page.locator('[data-test="orgs-search"]').fill(searched),
      `${hasText(RANGE, 'of 1 organization')} && ${isThere(`clr-dg-row[data-org="${searched}"]`)}`,
    );
    console.log(`  search (300 ms debounce): ${search.ms.toFixed(0)} ms, ${search.asked.length} orgs request(s)`);

    await ensureStorage(page);
    // `tenant-00` matches tenant-0001…0099 of 5,000 (tenant-001…009 of 200); the check takes the first ones.
    const matching = Math.min(ORGS, 10 ** (String(ORGS).length - 2) - 1);
    await page.locator('[data-test="orgs-search"]').fill('tenant-00');
    await range.filter({ hasText: new RegExp(`of ${matching} organizations`) }).waitFor();
    if (size.checked >= 25) {
      await page.locator('clr-dg-page-size select').selectOption(String(size.checked));
      await range.filter({ hasText: new RegExp(`1–${Math.min(size.checked, matching)} of ${matching}`) }).waitFor();
      await page.locator('clr-datagrid .datagrid-header input[type="checkbox"]').check({ force: true });
    } else {
      for (let n = 1; n <= size.checked; n++) {
        await page.locator(`clr-dg-row[data-org="${fillerName(n, ORGS)}"] input[type="checkbox"]`).check({ force: true });
      }
    }
    const check = await timeInPage(
      page,
      orgRequests,
      () => page.locator('[data-test="check-selected"]').click(),
      isThere('[data-test="bulk-progress"][data-finished="true"]'),
      300_000,
    );
    const summary = await page.locator('[data-test="bulk-summary"]').innerText();
    console.log(
      `  check of ${size.checked} organizations (registry + certificates + dependencies, 2 at a time): ${(check.ms / 1000).toFixed(1)} s — ${summary}`,
    );
  } finally {
    await page.close();
  }
}
