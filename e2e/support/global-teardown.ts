import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { INFO_FILE, readAllSandboxInfo, type SandboxInfo } from './sandbox-process';

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

export default async function globalTeardown(): Promise<void> {
  if (!existsSync(INFO_FILE)) return;
  const stopped = await Promise.allSettled(readAllSandboxInfo().map(stop));
  rmSync(INFO_FILE, { force: true });
  const failed = stopped.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}

async function stop(info: SandboxInfo): Promise<void> {
  try {
    // SIGINT is what Ctrl-C sends: the sandbox must stop everything it started by itself.
    process.kill(info.pid, 'SIGINT');
  } catch {
    // already gone
  }
  if (!(await waitForExit(info.pid, 10_000))) {
    process.kill(-info.pid, 'SIGKILL');
    throw new Error('the sandbox did not stop within 10 s of SIGINT');
  }
  // Nothing the sandbox started may outlive it: its docker-registry runs with a config under stateDir.
  const leftovers = spawnSync('pgrep', ['-f', info.stateDir], { encoding: 'utf8' }).stdout.trim();
  rmSync(info.stateDir, { recursive: true, force: true });
  if (leftovers) throw new Error(`processes left behind by the sandbox: ${leftovers.replace(/\n/g, ', ')}`);
}
