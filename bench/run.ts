// The benchmark itself (started by bench/main.ts, which sets NODE_EXTRA_CA_CERTS first): the
// plug-in's own presence checkers, instantiated in Node with Angular's injector and
// HttpClient(withFetch()), against the sandbox's real registry behind a latency proxy; and the
// baseline a script would use, a sequential `skopeo inspect --raw --no-tags` per image.
import '@angular/compiler';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { keepAliveFetch } from './keep-alive-fetch.js';
import {
  EnvironmentInjector,
  Injector,
  NgZone,
  PLATFORM_ID,
  createEnvironmentInjector,
  inject,
  runInInjectionContext,
  ɵINJECTOR_SCOPE as INJECTOR_SCOPE,
  ɵNoopNgZone as NoopNgZone,
} from '@angular/core';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { lastValueFrom, takeUntil, timer, toArray } from 'rxjs';
import { HarborPresenceChecker } from '../src/app/dependencies/data/harbor-presence-checker';
import { OciPresenceChecker } from '../src/app/dependencies/data/oci-presence-checker';
import type { CheckEvent, ImageToCheck, PresenceChecker } from '../src/app/dependencies/data/presence-check';
import { buildCatalog, destinationOf, supportedTkrs } from '../src/app/dependencies/domain';
import { createTrustingAgent } from '../sandbox/registry/https-client.js';
import { startSandboxRegistry, type SandboxRegistry } from '../sandbox/registry/index.js';
import { HARBOR_FLOOR_TEXT, harborFloorRtts, listedRepository, pagesNaming } from './floor.js';
import { startLatencyProxy, type LatencyProxy } from './latency-proxy.js';
import { planSynthetic, pushSynthetic } from './synthetic.js';

/** `npm run bench -- --quick`: every part at small sizes (CI runs it so that the bench cannot rot). */
const QUICK = process.env['BENCH_QUICK'] === '1';
const RTT_MS = Number(process.env['BENCH_RTT_MS'] ?? 50);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 6);
const SYNTHETIC = Number(process.env['BENCH_SYNTHETIC'] ?? (QUICK ? 100 : 1000));
const SKOPEO_CAP = Number(process.env['BENCH_SKOPEO_CAP'] ?? (QUICK ? 3 : 200));
/** The skopeo loop of one case stops here (and is extrapolated) even below the cap. */
const SKOPEO_BUDGET_MS = Number(process.env['BENCH_SKOPEO_BUDGET_MS'] ?? (QUICK ? 3_000 : 45_000));
/** A checker run is cancelled after this long. */
const CHECK_BUDGET_MS = 60_000;
const dataDir = process.env['BENCH_DATA_DIR'];

interface Counted {
  all: number;
  token: number;
  head: number;
  tagList: number;
  harborArtifacts: number;
  harborOther: number;
}

/** Counts what HttpClient's FetchBackend sends (it looks `fetch` up on every request). */
const counted: Counted = { all: 0, token: 0, head: 0, tagList: 0, harborArtifacts: 0, harborOther: 0 };
/** The artifact listings' paths, in the order they were sent (the Harbor floor needs their repositories). */
const listingPaths: string[] = [];
// Keep-alive like a browser, HEAD included (see keep-alive-fetch.ts for why not Node's fetch).
const realFetch = keepAliveFetch(CONCURRENCY);
globalThis.fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  counted.all += 1;
  if (url.pathname === '/service/token') counted.token += 1;
  else if (method === 'HEAD') counted.head += 1;
  else if (url.pathname.endsWith('/tags/list')) counted.tagList += 1;
  else if (url.pathname.endsWith('/artifacts')) {
    counted.harborArtifacts += 1;
    listingPaths.push(url.pathname);
  } else if (url.pathname.startsWith('/api/v2.0/')) counted.harborOther += 1;
  return realFetch(input, init);
};

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const rss = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
};

interface Row {
  method: string;
  images: number;
  requests: string;
  wallMs: number;
  floorMs?: number;
  floorNote?: string;
  skopeoMs?: number;
  rss?: string;
  outcome: string;
}

function checkerInjector(): EnvironmentInjector {
  // What a browser platform gives HttpClient: a root-scoped injector, a zone (none needed here), a platform id.
  const root = Injector.create({ providers: [] }) as unknown as EnvironmentInjector;
  return createEnvironmentInjector(
    [
      { provide: INJECTOR_SCOPE, useValue: 'root' },
      { provide: PLATFORM_ID, useValue: 'browser' },
      { provide: NgZone, useValue: new NoopNgZone() },
      provideHttpClient(withFetch()),
      OciPresenceChecker,
      HarborPresenceChecker,
    ],
    root,
  );
}

async function runChecker(
  name: string,
  checker: PresenceChecker,
  images: ImageToCheck[],
  baseUrl: string,
  withDigests = false,
): Promise<{
  wallMs: number;
  requests: number;
  by: Counted;
  statuses: Record<string, number>;
  rssBefore: number;
  rssAfter: number;
  partial: boolean;
}> {
  const rssBefore = rss();
  const before = { ...counted };
  const started = performance.now();
  const events: CheckEvent[] = await lastValueFrom(
    checker
      .check(images, { access: { baseUrl, project: 'cse' }, concurrency: CONCURRENCY, cancel: timer(CHECK_BUDGET_MS), withDigests })
      .pipe(takeUntil(timer(CHECK_BUDGET_MS + 5000)), toArray()),
  );
  const wallMs = performance.now() - started;
  const statuses: Record<string, number> = {};
  let requests = 0;
  let partial = true;
  for (const event of events) {
    if (event.type === 'result') statuses[event.result.status] = (statuses[event.result.status] ?? 0) + 1;
    if (event.type === 'done') {
      requests = event.requests;
      partial = event.partial || event.cancelled;
    }
  }
  const by = Object.fromEntries(Object.entries(counted).map(([k, v]) => [k, v - before[k as keyof Counted]])) as unknown as Counted;
  if (events.length === 0) console.error(`${name}: no events`);
  return { wallMs, requests, by, statuses, rssBefore, rssAfter: rss(), partial };
}

function skopeoOnce(reference: string, certDir: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(
      'skopeo',
      ['inspect', '--raw', '--no-tags', '--cert-dir', certDir, `docker://${reference}`],
      { timeout: 15_000, env: { ...process.env, HOME: certDir } },
      (error) => resolve(error === null),
    );
  });
}

/** Sequential, like `while read ref; do skopeo inspect …; done`; at most SKOPEO_CAP images and SKOPEO_BUDGET_MS, then extrapolated. */
async function runSkopeo(references: string[], certDir: string): Promise<{ ran: number; found: number; ms: number; perImageMs: number }> {
  const started = performance.now();
  let ran = 0;
  let found = 0;
  for (const reference of references.slice(0, SKOPEO_CAP)) {
    if (performance.now() - started > SKOPEO_BUDGET_MS) break;
    if (await skopeoOnce(reference, certDir)) found += 1;
    ran += 1;
  }
  const ms = performance.now() - started;
  return { ran, found, ms, perImageMs: ms / Math.max(ran, 1) };
}

/** Does the front door (through the proxy) offer HTTP/2? ALPN tells: Node's https server offers none, i.e. HTTP/1.1. */
function negotiatedProtocol(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, ALPNProtocols: ['h2', 'http/1.1'], servername: undefined }, () => {
      const protocol = socket.alpnProtocol;
      socket.destroy();
      resolve(protocol === false || protocol === null ? 'no ALPN (HTTP/1.1 only)' : protocol);
    });
    socket.on('error', (error) => resolve(`error: ${error.message}`));
    socket.setTimeout(5000, () => socket.destroy(new Error('timeout')));
  });
}

function table(title: string, rows: Row[]): string {
  const header = ['method', 'images', 'requests', 'wall s', 'floor s', '×floor', '×faster than skopeo', 'RSS MB before→after', 'result'];
  const lines = rows.map((row) => [
    row.method,
    String(row.images),
    row.requests,
    (row.wallMs / 1000).toFixed(2),
    row.floorMs === undefined ? '' : `${(row.floorMs / 1000).toFixed(2)}${row.floorNote ?? ''}`,
    row.floorMs === undefined ? '' : (row.wallMs / row.floorMs).toFixed(2),
    row.skopeoMs === undefined ? '' : (row.skopeoMs / row.wallMs).toFixed(1),
    row.rss ?? '',
    row.outcome,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [`\n${title}`, fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

async function benchCase(
  title: string,
  images: ImageToCheck[],
  checkers: { oci: PresenceChecker; harbor: PresenceChecker },
  proxy: LatencyProxy,
  certDir: string,
): Promise<string> {
  const baseUrl = `https://127.0.0.1:${proxy.port}`;
  const rows: Row[] = [];
  const n = images.length;
  const summary = (s: Record<string, number>): string =>
    Object.entries(s)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');

  const repositories = new Set(images.map((image) => image.repository)).size;
  const oci = await runChecker('oci', checkers.oci, images, baseUrl);
  // The per-repository floor: one request per repository, `CONCURRENCY` at a time, plus the token round trips.
  const repositoryFloor = (tokens: number): number => Math.ceil(repositories / CONCURRENCY) * RTT_MS + tokens * RTT_MS;
  rows.push({
    method: `plug-in OCI, tag list per repository (c=${CONCURRENCY})`,
    images: n,
    requests: `${oci.requests} (${oci.by.tagList} tags/list, ${oci.by.head} HEAD, ${oci.by.token} token)`,
    wallMs: oci.wallMs,
    floorMs: repositoryFloor(oci.by.token),
    rss: `${mb(oci.rssBefore)}→${mb(oci.rssAfter)}`,
    outcome: `${summary(oci.statuses)}${oci.partial ? ' (partial)' : ''}`,
  });
  const digests = await runChecker('oci-digests', checkers.oci, images, baseUrl, true);
  rows.push({
    method: `plug-in OCI with digests, HEAD per image (the earlier plan, c=${CONCURRENCY})`,
    images: n,
    requests: `${digests.requests} (${digests.by.head} HEAD, ${digests.by.tagList} tags/list, ${digests.by.token} token)`,
    wallMs: digests.wallMs,
    floorMs: repositoryFloor(digests.by.token),
    rss: `${mb(digests.rssBefore)}→${mb(digests.rssAfter)}`,
    outcome: `${summary(digests.statuses)}${digests.partial ? ' (partial)' : ''}`,
  });

  listingPaths.length = 0;
  const harbor = await runChecker('harbor', checkers.harbor, images, baseUrl);
  // The project and the pages of the repository list (harborOther), then one listing per repository, overlapping the later pages.
  const pages = harbor.by.harborOther - 1;
  const named = await pagesNaming(async (path) => (await realFetch(`${baseUrl}${path}`)).json(), 'cse', pages);
  const harborFloor =
    harborFloorRtts(
      listingPaths.map((path) => named.get(listedRepository(path)) ?? 0),
      pages,
      CONCURRENCY,
    ) * RTT_MS;
  rows.push({
    method: `plug-in Harbor REST (c=${CONCURRENCY})`,
    images: n,
    requests: `${harbor.requests} (${harbor.by.harborArtifacts} artifact listings, ${harbor.by.harborOther} project/repositories)`,
    wallMs: harbor.wallMs,
    floorMs: harborFloor > 0 ? harborFloor : undefined,
    floorNote: '*',
    rss: `${mb(harbor.rssBefore)}→${mb(harbor.rssAfter)}`,
    outcome: `${summary(harbor.statuses)}${harbor.partial ? ' (partial)' : ''}`,
  });

  const proxyHost = `127.0.0.1:${proxy.port}`;
  const references = images.map((i) => `${proxyHost}/${i.repository}${i.reference.startsWith('sha256:') ? '@' : ':'}${i.reference}`);
  const connectionsBefore = proxy.connections;
  const skopeo = await runSkopeo(references, certDir);
  const skopeoFull = skopeo.perImageMs * n;
  const extrapolated = skopeo.ran < n;
  rows.push({
    method: 'skopeo inspect loop (sequential)',
    images: n,
    requests: `${skopeo.ran} runs, ${proxy.connections - connectionsBefore} TLS connections`,
    wallMs: skopeoFull,
    outcome: extrapolated
      ? `ran ${skopeo.ran} in ${(skopeo.ms / 1000).toFixed(1)} s (${skopeo.perImageMs.toFixed(0)} ms each), extrapolated ×${(n / skopeo.ran).toFixed(2)}; ${skopeo.found} found`
      : `${skopeo.found} found, ${skopeo.ran - skopeo.found} not`,
  });
  for (const row of rows.slice(0, -1)) row.skopeoMs = skopeoFull;
  return table(title, rows);
}

async function main(): Promise<void> {
  if (dataDir === undefined) throw new Error('run `npm run bench` (bench/main.ts sets BENCH_DATA_DIR and NODE_EXTRA_CA_CERTS)');
  const benchStart = performance.now();
  const rssStart = rss();
  const proxy = await startLatencyProxy(RTT_MS);
  let registry: SandboxRegistry | undefined;
  try {
    registry = await startSandboxRegistry({
      dataDir: join(dataDir, 'registry'),
      reset: false,
      tokenRealm: `https://127.0.0.1:${proxy.port}/service/token`,
    });
    proxy.setTarget(registry.port);
    const certDir = join(dataDir, 'skopeo-certs');
    await mkdir(certDir, { recursive: true });
    await copyFile(registry.caFile, join(certDir, 'ca.crt'));

    // (b) synthetic images, pushed straight to the front door.
    const plan = planSynthetic(SYNTHETIC);
    const password = (await readFile(registry.adminPasswordFile, 'utf8')).trim();
    const agent = createTrustingAgent(registry.caPem);
    const pushStart = performance.now();
    const pushed = await pushSynthetic(plan, {
      url: registry.url,
      agent,
      basicAuth: `Basic ${Buffer.from(`${registry.adminUser}:${password}`).toString('base64')}`,
    });
    agent.destroy();
    const pushMs = performance.now() - pushStart;

    // (a) CSE 4.2.1 with every TKR it supports, mapped under the sandbox base (seeded partly).
    const tkrs = supportedTkrs('4.2.1').map((release) => release.tkr);
    const catalogImages: ImageToCheck[] = [];
    for (const entry of buildCatalog('4.2.1', tkrs)) {
      const destination = destinationOf(entry.image, registry.base);
      if (destination.kind !== 'mapped') continue;
      const image = destination.image;
      catalogImages.push({ id: image.reference, repository: image.repository, reference: image.digest ?? image.tag ?? 'latest' });
    }
    const syntheticImages: ImageToCheck[] = plan.images.map((i) => ({
      id: `${i.repository}:${i.tag}`,
      repository: i.repository,
      reference: i.tag,
    }));

    const injector = checkerInjector();
    const checkers = runInInjectionContext(injector, () => ({ oci: inject(OciPresenceChecker), harbor: inject(HarborPresenceChecker) }));
    const protocol = await negotiatedProtocol(proxy.port);

    const out: string[] = [];
    out.push(
      `CSE Airgap bench — RTT ${RTT_MS} ms (TCP latency proxy on 127.0.0.1:${proxy.port}, ${RTT_MS / 2} ms each way), concurrency ${CONCURRENCY}`,
      `front door protocol: ${protocol} — Node https (HTTP/1.1, keep-alive); the checkers run in Node via Angular's injector, HttpClient(withFetch()) over a keep-alive node:https fetch (Node's fetch closes the connection after every HEAD)`,
      `synthetic: pushed ${pushed.manifests} manifests over ${plan.repositories.length} repositories in ${(pushMs / 1000).toFixed(1)} s (${pushed.requests} requests, direct, no proxy)`,
    );
    out.push(
      await benchCase(
        `(a) CSE 4.2.1 catalog, ${tkrs.length} TKRs: ${catalogImages.length} images (sandbox seeds TKR v1.27.5 only)`,
        catalogImages,
        checkers,
        proxy,
        certDir,
      ),
    );
    out.push(
      await benchCase(
        `(b) ${syntheticImages.length} synthetic images in ${plan.repositories.length} repositories, half missing`,
        syntheticImages,
        checkers,
        proxy,
        certDir,
      ),
    );
    out.push(
      '',
      `floor = ceil(R / ${CONCURRENCY}) × ${RTT_MS} ms + token requests × ${RTT_MS} ms, R = repositories (OCI: one tag list per repository)`,
      `* Harbor floor: ${HARBOR_FLOOR_TEXT} (one listing per repository that exists, bench/floor.ts), × ${RTT_MS} ms`,
      `RSS whole run: ${mb(rssStart)} MB at start → ${mb(rss())} MB at end; bench took ${((performance.now() - benchStart) / 1000).toFixed(1)} s`,
    );
    injector.destroy();
    console.log(out.join('\n'));
  } finally {
    await registry?.stop();
    await proxy.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
