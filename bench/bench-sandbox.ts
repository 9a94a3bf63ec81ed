// One sandbox and one Chromium for the bench's browser parts (Organizations grid, Clusters tab):
// `npm run bench` starts them once, seeded for every part, instead of a sandbox per part (each
// start creates a PKI, a registry and the seeds: seconds the quick bench does not need to spend
// twice). A part run alone (`npx tsx bench/cluster-grid.ts`) starts its own.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { startSandboxProcess, type SandboxInfo } from '../e2e/support/sandbox-process.js';

const CHROMIUM = process.env['CHROME_BIN'] ?? '/usr/bin/chromium';

export interface BenchSandbox {
  readonly sandbox: SandboxInfo & { readonly args: readonly string[] };
  readonly browser: Browser;
  /** How long the sandbox took to be ready, seeds included. */
  readonly readyMs: number;
}

export async function startBenchSandbox(args: readonly string[]): Promise<BenchSandbox> {
  if (!existsSync('dist/plugin.zip')) throw new Error('dist/plugin.zip is missing: run "npm run build" first');
  const started = performance.now();
  const sandbox = await startSandboxProcess(180_000, args);
  const readyMs = performance.now() - started;
  try {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    return { sandbox: { ...sandbox, args }, browser, readyMs };
  } catch (error) {
    stopSandbox(sandbox);
    throw error;
  }
}

export async function stopBenchSandbox(bench: BenchSandbox): Promise<void> {
  await bench.browser.close();
  stopSandbox(bench.sandbox);
}

function stopSandbox(sandbox: SandboxInfo): void {
  try {
    process.kill(sandbox.pid, 'SIGINT');
  } catch {
    // already gone
  }
}

/** Runs `part` in `shared` when given, else in a sandbox of its own started with `args` and stopped after. */
export async function withBenchSandbox(
  shared: BenchSandbox | undefined,
  args: readonly string[],
  part: (bench: BenchSandbox) => Promise<void>,
): Promise<void> {
  if (shared) return part(shared);
  const own = await startBenchSandbox(args);
  try {
    await part(own);
  } finally {
    await stopBenchSandbox(own);
  }
}
