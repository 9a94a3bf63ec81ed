// The Clusters tab at scale, in Chromium against the real plug-in bundle: a sandbox seeded with
// 1,000 filler clusters (one in four failed) besides the five of acme and globex, the time from
// opening the tab to the first page of failed clusters, to all clusters, to the next page, and to
// a cluster's detail, with the cluster-list requests each costs (paged by VCD: never the full
// list), timed by the page's clock (bench/page-clock.ts). Run by `npm run bench` after the
// Organizations grid, or alone: `npx tsx bench/cluster-grid.ts`.
import { fileURLToPath } from 'node:url';
import { type Page, type Request } from '@playwright/test';
import { withBenchSandbox, type BenchSandbox } from './bench-sandbox.js';
import { firstChangedFrom, hasText, isThere, timeInPage } from './page-clock.js';

/** Filler clusters to seed: the full bench, and the quick one (still two pages of all clusters). */
export const FULL_CLUSTER_GRID = Number(process.env['BENCH_CLUSTERS'] ?? 1000);
export const QUICK_CLUSTER_GRID = 100;
const LIST_PATH = '/cloudapi/1.0.0/entities/types/vmware/capvcdCluster/1';
const WAIT = { timeout: 120_000 };

/** Seeds the sandbox needs for this part: `clusters` filler clusters. */
export function clusterGridArgs(clusters: number): string[] {
  return ['--clusters', String(clusters)];
}

/** Runs in `shared` (a sandbox started with at least clusterGridArgs(clusters)), or in one of its own. */
export async function benchClustersGrid(clusters = FULL_CLUSTER_GRID, shared?: BenchSandbox): Promise<void> {
  await withBenchSandbox(shared, clusterGridArgs(clusters), (bench) => measureClustersGrid(clusters, bench));
}

async function measureClustersGrid(clusters: number, { sandbox, browser, readyMs }: BenchSandbox): Promise<void> {
  const failed = clusters / 4 + 3;
  const total = clusters + 5;
  console.log(
    `\nClusters tab, ${total} clusters, ${failed} failed (sandbox with ${sandbox.args.join(' ')} ready in ${Math.round(readyMs)} ms)`,
  );
  const page: Page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    const requests: Request[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === LIST_PATH) requests.push(request);
    });
    await page.goto(sandbox.portalUrl);
    await page.locator('[data-test="persona-sysadmin"]').click(WAIT);
    await page.locator('[data-test="nav-cse-airgap"]').click(WAIT);
    await page.locator('[data-test="tab-clusters"]').waitFor(WAIT);
    const range = page.locator('[data-test="clusters-range"]');
    const count = (n: number): string => n.toLocaleString('en');

    const RANGE = '[data-test="clusters-range"]';
    const ROW = '[data-test="cluster-row"]';
    const first = await timeInPage(
      page,
      requests,
      () => page.locator('[data-test="tab-clusters"]').click(),
      `${hasText(RANGE, `of ${count(failed)} clusters`)} && ${isThere(ROW)}`,
    );
    console.log(`  first page of failed clusters shown: ${first.ms.toFixed(0)} ms, ${first.asked.length} list request(s)`);

    const all = await timeInPage(
      page,
      requests,
      async () => void (await page.locator('[data-test="clusters-mode"]').selectOption('all')),
      `${hasText(RANGE, `of ${count(total)} clusters`)} && ${isThere(ROW)}`,
    );
    console.log(`  all clusters, first page:            ${all.ms.toFixed(0)} ms, ${all.asked.length} list request(s)`);

    // Clarity writes the new range at the click: the next page is shown when its rows are.
    const firstOfPage1 = (await page.locator(ROW).first().getAttribute('data-cluster')) ?? '';
    const next = await timeInPage(
      page,
      requests,
      () => page.locator('.pagination-next').click(),
      firstChangedFrom(ROW, 'data-cluster', firstOfPage1),
    );
    console.log(`  next page:                           ${next.ms.toFixed(0)} ms, ${next.asked.length} list request(s)`);

    await page.locator('[data-test="clusters-mode"]').selectOption('failed');
    await range.filter({ hasText: `of ${count(failed)} clusters` }).waitFor(WAIT);
    const detail = await timeInPage(
      page,
      requests,
      () => page.locator('[data-test="cluster-row"] button.datagrid-detail-caret-button').first().click(),
      isThere('[data-test="cluster-detail"] [data-test="finding"]'),
    );
    console.log(
      `  a failed cluster's findings:         ${detail.ms.toFixed(0)} ms (one entity read, ${detail.asked.length} list request(s))`,
    );
  } finally {
    await page.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchClustersGrid().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
