// `npm run bench`: makes sure skopeo, docker-registry and openssl are there (installs them as
// root on Debian, else says what to install), creates the sandbox PKI in a temporary directory
// so that NODE_EXTRA_CA_CERTS can name its CA before Node starts, then runs bench/run.ts in a
// child Node, bounded in time; then the Organizations grid with 5,000 organizations in Chromium
// (bench/org-grid.ts) and the Clusters tab with 1,000 clusters (bench/cluster-grid.ts). Not part
// of `npm test`.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSystemPackages } from '../sandbox/lib/system-packages.js';
import { ensurePki } from '../sandbox/registry/pki.js';
import { benchClustersGrid } from './cluster-grid.js';
import { benchOrganizationsGrid } from './org-grid.js';

const LIMIT_MS = 175_000;

async function main(): Promise<number> {
  await ensureSystemPackages([
    { binary: 'skopeo', debianPackage: 'skopeo' },
    { binary: 'docker-registry', debianPackage: 'docker-registry' },
    { binary: 'openssl', debianPackage: 'openssl' },
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'cse-airgap-bench-'));
  try {
    const pki = await ensurePki(join(dir, 'registry', 'pki'));
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/run.ts'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_EXTRA_CA_CERTS: pki.caCertFile, BENCH_DATA_DIR: dir },
    });
    const timer = setTimeout(() => {
      console.error(`bench: still running after ${LIMIT_MS / 1000} s, stopping it`);
      child.kill('SIGTERM');
    }, LIMIT_MS);
    const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
    clearTimeout(timer);
    if (code !== 0) return code;
    await benchOrganizationsGrid();
    await benchClustersGrid();
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
