// The sandbox must not leave a docker-registry running after it is gone, whichever way it goes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { startSandboxRegistry } from './index.js';

interface Started {
  port: number;
  configFile: string;
  registryPid: number;
}

const FIXTURE = new URL('./testing/start-registry-process.ts', import.meta.url).pathname;

/** Runs the fixture in a separate Node process and returns what it printed once started. */
async function startInChildProcess(
  dataDir: string,
  mode: 'exit' | 'stay',
): Promise<{ started: Started; pid: number; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  return { started: JSON.parse(line) as Started, pid: child.pid ?? 0, exited };
}

/**
 * Running, as opposed to gone or a zombie: an orphan that was killed stays a zombie when the
 * container's PID 1 does not reap, yet it holds no port and no files.
 */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 40 && isAlive(pid); i++) await delay(50);
  return !isAlive(pid);
}

describe('the docker-registry child process', () => {
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cse-airgap-lifetime-'));
    // The PKI and the seed are made once here, so that the child processes start warm.
    const warmUp = await startSandboxRegistry({ dataDir, reset: false });
    await warmUp.stop();
  });

  after(async () => {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  describe('when the sandbox calls process.exit()', () => {
    it('is killed with it', async () => {
      const { started, exited } = await startInChildProcess(dataDir, 'exit');
      await exited;
      assert.equal(await waitUntilGone(started.registryPid), true);
    });
  });

  describe('when the sandbox is killed without a chance to clean up', () => {
    it('is reaped by the next start on the same data directory', async () => {
      const { started, pid, exited } = await startInChildProcess(dataDir, 'stay');
      process.kill(pid, 'SIGKILL');
      await exited;
      // A SIGKILL runs no handler: the registry survives its parent…
      assert.equal(isAlive(started.registryPid), true);
      const next = await startSandboxRegistry({ dataDir, reset: false });
      await next.stop();
      // …until the next start finds it through the pid file.
      assert.equal(await waitUntilGone(started.registryPid), true);
    });
  });
});
