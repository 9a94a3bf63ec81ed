// `npm run bench`: makes sure skopeo, docker-registry and openssl are there (installs them as
// root on Debian, else says what to install), creates the sandbox PKI in a temporary directory
// so that NODE_EXTRA_CA_CERTS can name its CA before Node starts, then runs bench/run.ts in a
// child Node, bounded in time; then the dependency check in Chromium through /ext-api over
// HTTP/1.1 and h2 (bench/browser-check.ts), the Organizations grid with 5,000 organizations
// (bench/org-grid.ts) and the Clusters tab with 1,000 clusters (bench/cluster-grid.ts). Not part
// of `npm test`.
//
//   npm run bench                full sizes (a few minutes, bounded)
//   npm run bench -- --quick     every part at small sizes, in seconds (what .ci/run runs)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureSystemPackages } from '../sandbox/lib/system-packages.js';
import { ensurePki } from '../sandbox/registry/pki.js';
import { FULL_BROWSER_CHECK, QUICK_BROWSER_CHECK, benchBrowserCheck } from './browser-check.js';
import { startBenchSandbox, stopBenchSandbox } from './bench-sandbox.js';
import { FULL_CLUSTER_GRID, QUICK_CLUSTER_GRID, benchClustersGrid, clusterGridArgs } from './cluster-grid.js';
import { FULL_ORG_GRID, QUICK_ORG_GRID, benchOrganizationsGrid, orgGridArgs } from './org-grid.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const quick = values.quick === true;
  const limitMs = quick ? 60_000 : 175_000;
  await ensureSystemPackages([
    { binary: 'skopeo', debianPackage: 'skopeo' },
    { binary: 'docker-registry', debianPackage: 'docker-registry' },
    { binary: 'openssl', debianPackage: 'openssl' },
  ]);
  // The browser parts load the real bundle: a fresh clone has none yet.
  if (!existsSync('dist/plugin.zip')) {
    console.log('bench: dist/plugin.zip is missing, building it first (npm run build)');
    const built = await new Promise<number>((resolve) =>
      spawn('npm', ['run', '--silent', 'build'], { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)),
    );
    if (built !== 0) return built;
  }
  const dir = await mkdtemp(join(tmpdir(), 'cse-airgap-bench-'));
  try {
    const pki = await ensurePki(join(dir, 'registry', 'pki'));
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/run.ts'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_EXTRA_CA_CERTS: pki.caCertFile, BENCH_DATA_DIR: dir, ...(quick ? { BENCH_QUICK: '1' } : {}) },
    });
    const timer = setTimeout(() => {
      console.error(`bench: still running after ${limitMs / 1000} s, stopping it`);
      child.kill('SIGTERM');
    }, limitMs);
    const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
    clearTimeout(timer);
    if (code !== 0) return code;
    await benchBrowserCheck(quick ? QUICK_BROWSER_CHECK : FULL_BROWSER_CHECK);
    const orgs = quick ? QUICK_ORG_GRID : FULL_ORG_GRID;
    const clusters = quick ? QUICK_CLUSTER_GRID : FULL_CLUSTER_GRID;
    if (quick) {
      // One sandbox seeded for both grids: at small sizes what they share costs nothing measurable.
      const shared = await startBenchSandbox([...orgGridArgs(orgs), ...clusterGridArgs(clusters)]);
      try {
        await benchOrganizationsGrid(orgs, shared);
        await benchClustersGrid(clusters, shared);
      } finally {
        await stopBenchSandbox(shared);
      }
    } else {
      // Each its own: the sandbox's entity store scans 1,000 clusters on every status-store query,
      // which slowed the check of 50 organizations from 22 s to 41 s (the stand-in's cost, not the plug-in's).
      await benchOrganizationsGrid(orgs);
      await benchClustersGrid(clusters);
    }
    return 0;
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
