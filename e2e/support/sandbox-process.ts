/* Starts the real sandbox (`tsx sandbox/main.ts`, as `npm start` does) as a child process. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SandboxInfo {
  readonly pid: number;
  readonly stateDir: string;
  readonly portalUrl: string;
  readonly registryUrl: string;
  readonly containerRegistryUrl: string;
  readonly caFile: string;
}

/** The shared sandboxes of an e2e run, one per Playwright worker (global-setup.ts writes it). */
export const INFO_FILE = path.join(tmpdir(), 'cse-airgap-e2e-sandbox.json');
/**
 * Playwright workers of an e2e run, each with a sandbox of its own: a test file changes what its
 * sandbox holds (settings, certificates, images), so two files never share one. 2 by default (the
 * tests wait on the page more than they compute); `E2E_WORKERS=1` runs them one after another.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env['E2E_WORKERS'] ?? 2) || 1);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function startSandboxProcess(timeoutMs = 90_000, extraArgs: readonly string[] = []): Promise<SandboxInfo> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'cse-airgap-e2e-'));
  if (!existsSync(path.join(repoRoot, 'dist', 'plugin.zip'))) {
    throw new Error('dist/plugin.zip is missing: run "npm run build" before the e2e tests (npm test does)');
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sandbox/main.ts', '--no-build', '--reset', '--port', '0', '--state-dir', stateDir, ...extraArgs],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ready = path.join(stateDir, 'ready.json');
  const deadline = Date.now() + timeoutMs;
  // main.ts writes ready.json in one call, but a reader may still see it empty: wait for JSON.
  const readable = (): boolean => {
    try {
      JSON.parse(readFileSync(ready, 'utf8'));
      return true;
    } catch {
      return false;
    }
  };
  while (!existsSync(ready) || !readable()) {
    if (child.exitCode !== null) throw new Error(`the sandbox exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      process.kill(-(child.pid ?? 0), 'SIGTERM');
      throw new Error(`the sandbox was not ready after ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const summary = JSON.parse(readFileSync(ready, 'utf8')) as Omit<SandboxInfo, 'pid' | 'stateDir'>;
  child.stdout.removeAllListeners('data');
  child.stderr.removeAllListeners('data');
  child.unref();
  return { ...summary, pid: child.pid ?? 0, stateDir };
}

/** Every shared sandbox of the run, by worker (global setup and teardown). */
export function readAllSandboxInfo(): SandboxInfo[] {
  return JSON.parse(readFileSync(INFO_FILE, 'utf8')) as SandboxInfo[];
}

/** The shared sandbox of the worker this test runs in (Playwright numbers them from 0). */
export function readSandboxInfo(): SandboxInfo {
  const all = readAllSandboxInfo();
  const index = Number(process.env['TEST_PARALLEL_INDEX'] ?? 0);
  const info = all[index % all.length];
  if (!info) throw new Error(`no shared sandbox in ${INFO_FILE}`);
  return info;
}
