// The dependency check as users run it: in Chromium, with the real bundle in the sandbox portal,
// through VCD's /ext-api (the Harbor strategy, as the registry check picks it), over HTTP/1.1 and
// over HTTP/2 (one portal started with --http2; Chromium with --disable-http2, then without). The registry URL names the bench's latency
// proxy (bench/latency-proxy.ts, 50 ms round trip) in front of the registry's front door, so the
// /ext-api → registry hop pays it as a remote registry would; the page → portal hop is local. For the CSE 4.2.1 catalog and for synthetic images (pushed first, half of them missing),
// it prints the registry requests the page sent, the wall time from "Check" to the progress showing
// the check done (the page's own clock: from the click as the page receives it, see PAGE_CLOCK),
// and the ratio to the per-repository floor (bench/floor.ts).
// Run by `npm run bench` after the Node figures, or alone: `npx tsx bench/browser-check.ts`;
// with BENCH_TRACE=1 it also prints each check's requests (start, sent, first byte, end).
import { existsSync, readFileSync } from 'node:fs';
import type { Agent } from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, request as apiRequest, type APIRequestContext, type Page } from '@playwright/test';
import { createTrustingAgent, httpsRequest } from '../sandbox/registry/https-client.js';
import { startSandboxProcess, type SandboxInfo } from '../e2e/support/sandbox-process.js';
import { replayFromNode, roleOf, sentRequests } from './ext-api-replay.js';
import { HARBOR_FLOOR_TEXT, harborFloorRtts, listedRepository, pagesNaming } from './floor.js';
import { startLatencyProxy } from './latency-proxy.js';
import { planSynthetic, pushSynthetic, type SyntheticPlan } from './synthetic.js';

const CHROMIUM = process.env['CHROME_BIN'] ?? '/usr/bin/chromium';
const RTT_MS = Number(process.env['BENCH_RTT_MS'] ?? 50);
const WAIT = { timeout: 180_000 };

export interface BrowserCheckSize {
  /** Synthetic images (10 tags per repository). */
  readonly images: number;
}
export const FULL_BROWSER_CHECK: BrowserCheckSize = { images: 1000 };
export const QUICK_BROWSER_CHECK: BrowserCheckSize = { images: 40 };

interface Measured {
  readonly requests: number;
  readonly listings: number;
  /** Pages of the repository list (read one after another, before the listings). */
  readonly repositoryPages: number;
  readonly ms: number;
  readonly protocol: string;
  readonly images: number;
  /** When the first /ext-api request started and the last answer ended, in ms after the click reached the page. */
  readonly network: readonly [number, number];
  readonly summary: string;
  /** The /ext-api paths the check sent, in the order it sent them. */
  readonly paths: readonly string[];
  /** The same requests replayed from Node right after, without a page (ext-api-replay.ts), ms. */
  readonly replayMs?: number;
  /** Per listing, the page of the repository list that named its repository (bench/floor.ts). */
  readonly namedOnPage?: readonly number[];
}

/** `projects.registry.vmware.com vmware-cloud-director/bench/synthetic-000 v1.0.0`: mapped under the base as pushed. */
function dependencyFile(plan: SyntheticPlan): string {
  return plan.images
    .map((image) => `projects.registry.vmware.com ${image.repository.split('/').slice(1).join('/')} ${image.tag}`)
    .join('\n');
}

async function pushImages(info: SandboxInfo, plan: SyntheticPlan): Promise<void> {
  const caPem = readFileSync(info.caFile, 'utf8');
  const password = readFileSync(path.join(path.dirname(path.dirname(info.caFile)), 'admin-password'), 'utf8').trim();
  const agent = createTrustingAgent(caPem);
  try {
    await pushSynthetic(plan, { url: info.registryUrl, agent, basicAuth: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` });
  } finally {
    agent.destroy();
  }
}

/** GETs JSON from the registry's front door itself (no latency proxy, no VCD), anonymously. */
function registryReader(registryUrl: string, agent: Agent): (path: string) => Promise<unknown> {
  return async (path) => {
    const answer = await httpsRequest(new URL(path, registryUrl), { agent, headers: { Accept: 'application/json' } });
    if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
    return JSON.parse(answer.body.toString('utf8')) as unknown;
  };
}

const ACCEPT = 'application/json;version=39.0';

/** A provider session's `Authorization` header. */
async function logIn(request: APIRequestContext, info: SandboxInfo): Promise<string> {
  const login = await request.post(new URL('/cloudapi/1.0.0/sessions/provider', info.portalUrl).toString(), {
    headers: { Accept: ACCEPT, Authorization: `Basic ${Buffer.from('administrator@System:sandbox').toString('base64')}` },
  });
  return `Bearer ${login.headers()['x-vmware-vcloud-access-token'] ?? ''}`;
}

/** The container registry URL in vcdKeConfig, written as an administrator would (If-Match). */
async function setRegistryUrl(request: APIRequestContext, info: SandboxInfo, registryUrl: string, authorization: string): Promise<void> {
  const url = (apiPath: string): string => new URL(apiPath, info.portalUrl).toString();
  const headers = { Accept: ACCEPT, Authorization: authorization };
  const list = await request.get(url('/cloudapi/1.0.0/entities/types/vmware/VCDKEConfig/1.1.0?filter=name==vcdKeConfig'), { headers });
  const [first] = ((await list.json()) as { values: { id: string }[] }).values;
  if (!first) throw new Error('no vcdKeConfig in the sandbox');
  const read = await request.get(url(`/cloudapi/1.0.0/entities/${first.id}`), { headers });
  const entity = (await read.json()) as { entity: { profiles: Record<string, unknown>[] } };
  const [profile] = entity.entity.profiles;
  if (profile) profile['containerRegistryUrl'] = registryUrl;
  const written = await request.put(url(`/cloudapi/1.0.0/entities/${first.id}`), {
    headers: { ...headers, 'If-Match': read.headers()['etag'] ?? '', 'Content-Type': 'application/json' },
    data: entity,
  });
  if (!written.ok()) throw new Error(`vcdKeConfig not written: ${written.status()}`);
}

/** As a provider sets it up once: VCD's access path (/ext-api), the storage, a registry check. */
async function prepare(page: Page, info: SandboxInfo): Promise<void> {
  await page.goto(info.portalUrl);
  await page.locator('[data-test="persona-sysadmin"]').click(WAIT);
  await page.locator('[data-test="nav-cse-airgap"]').click(WAIT);
  await page.locator('[data-test="tab-airgap"]').click(WAIT);
  const ready = page.locator('[data-test="ext-api-ready"]');
  const create = page.locator('[data-test="ext-api-create"]');
  await ready.or(create).first().waitFor(WAIT);
  if (await create.isVisible()) await create.click();
  await ready.waitFor(WAIT);
  const storage = page.locator('[data-test="storage-create"]');
  if (await storage.isVisible()) await storage.click();
  await page.locator('[data-test="run-check"]').click(WAIT);
  await page.locator('[data-test="step-harbor"][data-verdict="passed"]').waitFor(WAIT);
  await page.locator('[data-test="run-check"]:enabled').waitFor(WAIT);
}

/**
 * Installed in the page before "Check" is clicked: the page's own clock marks the click as the
 * page receives it, every /ext-api request the browser records (Resource Timing, through an
 * observer, which no buffer limit drops), and the moment the progress shows the check done. What
 * Playwright spends before the click reaches the page (actionability checks, round trips to the
 * browser) and after (polling for the state) is the harness's, not the plug-in's.
 */
const PAGE_CLOCK = `(() => {
  const clock = { clickAt: undefined, doneAt: undefined, network: [] };
  window.__benchClock = clock;
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-test="dependencies-check"]') : null;
    if (button && clock.clickAt === undefined) clock.clickAt = performance.now();
  }, true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const url = new URL(entry.name);
      if (url.pathname.startsWith('/ext-api/')) {
        clock.network.push({ start: entry.startTime, sent: entry.requestStart, firstByte: entry.responseStart, end: entry.responseEnd, path: url.pathname + url.search });
      }
    }
  }).observe({ type: 'resource' });
  // The bar of the previous check still says done: only a done after this check's running counts.
  let running = false;
  const observer = new MutationObserver(() => {
    const state = document.querySelector('[data-test="dependencies-progress"]')?.getAttribute('data-state');
    if (clock.clickAt === undefined) return;
    if (state === 'running') running = true;
    else if (running && state === 'done') {
      clock.doneAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})()`;

/** One /ext-api request as Resource Timing saw it (page clock, ms). */
interface Fetched {
  readonly start: number;
  readonly sent: number;
  readonly firstByte: number;
  readonly end: number;
  readonly path: string;
}

interface PageClock {
  readonly clickAt: number;
  readonly doneAt: number;
  readonly network: readonly Fetched[];
}

/** BENCH_TRACE=1: every request of a check, in ms after the click, to see where its time goes. */
const TRACE = process.env['BENCH_TRACE'] === '1';

function printWaterfall(fetched: readonly Fetched[], clock: PageClock): void {
  const at = (ms: number): string => (ms - clock.clickAt).toFixed(0).padStart(6);
  console.log('   start   sent  first    end  path (ms after the click)');
  for (const entry of fetched) console.log(`  ${at(entry.start)} ${at(entry.sent)} ${at(entry.firstByte)} ${at(entry.end)}  ${entry.path}`);
  console.log(`  done at ${at(clock.doneAt).trim()} ms`);
}

async function measure(page: Page, load: () => Promise<void>): Promise<Measured> {
  await load();
  let requests = 0;
  let listings = 0;
  let repositoryPages = 0;
  const count = (url: string): void => {
    const { pathname } = new URL(url);
    if (!pathname.startsWith('/ext-api/')) return;
    requests += 1;
    const role = roleOf(pathname);
    if (role === 'listing') listings += 1;
    else if (role === 'repositoryPage') repositoryPages += 1;
  };
  page.on('request', (request) => count(request.url()));
  await page.evaluate(PAGE_CLOCK);
  await page.locator('[data-test="dependencies-check"]').click(WAIT);
  await page.locator('[data-test="dependencies-progress"][data-state="done"]').waitFor(WAIT);
  // Resource Timing entries are delivered to observers a little after their response.
  await page.waitForTimeout(200);
  page.removeAllListeners('request');
  const clock = (await page.evaluate('window.__benchClock')) as PageClock;
  const sent = clock.network.filter(({ start }) => start >= clock.clickAt);
  if (TRACE) printWaterfall(sent, clock);
  const network: [number, number] = [
    Math.min(...sent.map(({ start }) => start)) - clock.clickAt,
    Math.max(...sent.map(({ end }) => end)) - clock.clickAt,
  ];
  const protocol = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).nextHopProtocol,
  );
  const counts: string[] = [];
  let images = 0;
  // The summary shows the statuses that have rows (present and missing always).
  for (const shown of await page.locator('[data-test^="dependencies-summary-"]').all()) {
    const status = ((await shown.getAttribute('data-test')) ?? '').replace('dependencies-summary-', '');
    const count = Number((await shown.textContent())?.replace(/\D/g, '') ?? 0);
    if (status === 'pending' || status === 'skipped' || status === 'unmapped') continue;
    images += count;
    if (count > 0) counts.push(`${status} ${count}`);
  }
  const paths = [...sent].sort((a, b) => a.start - b.start).map(({ path }) => path);
  return {
    requests,
    listings,
    repositoryPages,
    ms: clock.doneAt - clock.clickAt,
    protocol,
    images,
    network,
    summary: counts.join(', '),
    paths,
  };
}

async function pasteFile(page: Page, text: string): Promise<void> {
  await page.locator('[data-test="dependencies-own-file"] summary').click();
  await page.locator('label[for="merge-replace"]').click();
  await page.locator('[data-test="dependencies-paste"]').fill(text);
  await page.locator('[data-test="dependencies-use-paste"]').click();
}

/** The checker's limit for the protocol the page negotiated with the portal. */
function concurrencyOf(protocol: string): number {
  return protocol === 'h2' ? 24 : 6;
}

function row(what: string, measured: Measured): string {
  // One artifact listing per repository, `concurrency` at a time, overlapping the repository list's
  // later pages (one after another; the project is read beside the first).
  const concurrency = concurrencyOf(measured.protocol);
  const namedOnPage = measured.namedOnPage ?? Array.from({ length: measured.listings }, () => 1);
  const floorMs = harborFloorRtts(namedOnPage, measured.repositoryPages, concurrency) * RTT_MS;
  const cells = [
    what,
    measured.protocol,
    String(measured.images),
    `${measured.requests} (${measured.listings} artifact listings)`,
    (measured.ms / 1000).toFixed(2),
    (floorMs / 1000).toFixed(2),
    (measured.ms / floorMs).toFixed(2),
    `${(measured.network[0] / 1000).toFixed(2)}–${(measured.network[1] / 1000).toFixed(2)}`,
    measured.replayMs === undefined ? '' : (measured.replayMs / 1000).toFixed(2),
    measured.summary,
  ];
  return `| ${cells.join(' | ')} |`;
}

export async function benchBrowserCheck(size: BrowserCheckSize = FULL_BROWSER_CHECK): Promise<void> {
  if (!existsSync('dist/plugin.zip')) throw new Error('dist/plugin.zip is missing: run "npm run build" first');
  const plan = planSynthetic(size.images, 10, 'cse/vmware-cloud-director');
  const lines = [
    `\nDependency check in Chromium through /ext-api (Harbor strategy), registry behind a ${RTT_MS} ms round-trip latency proxy`,
    '| case | page ↔ portal | images | /ext-api requests | wall s | floor s | ×floor | requests from–to s | same requests from Node, s | result |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  // One portal that offers h2 and HTTP/1.1 (--http2: ALPN picks); Chromium takes h2 unless started
  // with --disable-http2. The row shows what the page really negotiated, and the floor uses the
  // concurrency the checker picks for it.
  const sandbox = await startSandboxProcess(180_000, ['--http2']);
  const proxy = await startLatencyProxy(RTT_MS);
  // Reads the repository list after each check, for the floor (bench/floor.ts).
  const registryAgent = createTrustingAgent(readFileSync(sandbox.caFile, 'utf8'));
  proxy.setTarget(Number(new URL(sandbox.registryUrl).port));
  // The same registry, reached through the proxy: `127.0.0.1:<front door>/cse` → `127.0.0.1:<proxy>/cse`.
  const registryUrl = sandbox.containerRegistryUrl.replace(/:\d+\//, `:${proxy.port}/`);
  try {
    await pushImages(sandbox, plan);
    const api = await apiRequest.newContext({ ignoreHTTPSErrors: true });
    const authorization = await logIn(api, sandbox);
    await setRegistryUrl(api, sandbox, registryUrl, authorization);
    await api.dispose();
    const target = { portalUrl: sandbox.portalUrl, caPem: readFileSync(sandbox.caFile, 'utf8'), authorization };
    const readFromRegistry = registryReader(sandbox.registryUrl, registryAgent);
    const replayed = async (measured: Measured): Promise<Measured> => {
      const listed = sentRequests(measured.paths);
      const named = await pagesNaming(readFromRegistry, 'cse', measured.repositoryPages);
      const namedOnPage = listed.listings.map((path) => named.get(listedRepository(path)) ?? 0);
      const sent = { ...listed, listingPages: namedOnPage };
      return {
        ...measured,
        replayMs: await replayFromNode(target, sent, measured.protocol, concurrencyOf(measured.protocol)),
        namedOnPage,
      };
    };
    for (const protocolArgs of [['--disable-http2'], []]) {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', ...protocolArgs],
      });
      try {
        const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 } });
        const page = await context.newPage();
        await prepare(page, sandbox);
        const catalog = await replayed(await measure(page, async () => undefined));
        lines.push(row('CSE 4.2.1 catalog (all TKRs)', catalog));
        const synthetic = await replayed(await measure(page, () => pasteFile(page, dependencyFile(plan))));
        lines.push(row(`${size.images} synthetic, ${plan.repositories.length} repositories`, synthetic));
      } finally {
        await browser.close();
      }
    }
  } finally {
    registryAgent.destroy();
    await proxy.close();
    try {
      process.kill(sandbox.pid, 'SIGINT');
    } catch {
      // already gone
    }
  }
  lines.push(
    `floor = ${HARBOR_FLOOR_TEXT}, × ${RTT_MS} ms; c = 6 over HTTP/1.1, 24 over h2 (the checker's limits)`,
    "same requests from Node: the check's requests sent again right after it, without a page, in the same order and at the same concurrency (bench/ext-api-replay.ts): what the sandbox's /ext-api path allows by itself here",
  );
  console.log(lines.join('\n'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchBrowserCheck(process.argv.includes('--quick') ? QUICK_BROWSER_CHECK : FULL_BROWSER_CHECK).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
