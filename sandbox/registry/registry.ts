// The real registry: Debian's `docker-registry` (CNCF distribution 2.8, the registry inside
// Harbor) as a child process, on a loopback port only the front door talks to, with TLS and
// token auth configured the way Harbor configures it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { findFreePort } from '../lib/ports.js';
import { createTrustingAgent, httpsRequest } from './https-client.js';
import type { SandboxPki } from './pki.js';

export const REGISTRY_SERVICE = 'harbor-registry';
export const TOKEN_ISSUER = 'harbor-token-issuer';

export interface DistributionOptions {
  dataDir: string;
  pki: SandboxPki;
  /** Where clients are sent for a token: the front door's /service/token. */
  tokenRealm: string;
  startTimeoutMs?: number;
}

export interface DistributionProcess {
  host: string;
  port: number;
  url: string;
  configFile: string;
  logFile: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startDistribution(options: DistributionOptions): Promise<DistributionProcess> {
  const { dataDir, pki } = options;
  const storageDir = join(dataDir, 'storage');
  const configFile = join(dataDir, 'registry-config.yml');
  const logFile = join(dataDir, 'registry.log');
  const pidFile = join(dataDir, 'registry.pid');
  await mkdir(storageDir, { recursive: true });
  await killLeftover(pidFile, configFile);

  const port = await findFreePort();
  await writeFile(configFile, distributionConfig({ port, storageDir, pki, tokenRealm: options.tokenRealm }));

  // The registry logs every request; that goes to a file, the console stays the user's.
  const logFd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn('docker-registry', ['serve', configFile], { stdio: ['ignore', logFd, logFd] });
  } finally {
    closeSync(logFd);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start docker-registry (is it installed?)');
  await writeFile(pidFile, String(pid));

  // Killed on exit so that a crash or process.exit() of the sandbox leaves no registry behind;
  // a SIGKILL of the parent cannot be caught, which is what killLeftover() handles next time.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
        await exited;
        clearTimeout(timer);
      }
      await rm(pidFile, { force: true });
    })();
    return stopping;
  };

  const url = `https://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(url, pki.caPem, exited, logFile, options.startTimeoutMs ?? 10_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { host: '127.0.0.1', port, url, configFile, logFile, pid, stop };
}

function distributionConfig(c: { port: number; storageDir: string; pki: SandboxPki; tokenRealm: string }): string {
  // JSON is valid YAML, which spares a YAML writer and any quoting mistakes in paths.
  const config = {
    version: 0.1,
    log: { level: 'info', formatter: 'text', accesslog: { disabled: false } },
    storage: {
      filesystem: { rootdirectory: c.storageDir },
      delete: { enabled: true },
      maintenance: { uploadpurging: { enabled: false } },
    },
    http: {
      addr: `127.0.0.1:${c.port}`,
      secret: randomBytes(24).toString('hex'),
      tls: { certificate: c.pki.serverCertFile, key: c.pki.serverKeyFile },
      headers: { 'X-Content-Type-Options': ['nosniff'] },
    },
    auth: {
      token: {
        realm: c.tokenRealm,
        service: REGISTRY_SERVICE,
        issuer: TOKEN_ISSUER,
        rootcertbundle: c.pki.tokenCertFile,
      },
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Polls `GET /v2/` until the registry answers 401 (token auth on, so that is its "ready"). */
async function waitUntilAnswering(url: string, caPem: string, exited: Promise<void>, logFile: string, timeoutMs: number): Promise<void> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const agent = createTrustingAgent(caPem);
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  try {
    while (Date.now() < deadline) {
      if (hasExited) throw new Error(`docker-registry exited during start-up:\n${await tail(logFile)}`);
      try {
        const res = await httpsRequest(`${url}/v2/`, { agent, timeoutMs: 1000 });
        if (res.status === 401) return;
        lastProblem = `GET /v2/ answered ${res.status}`;
      } catch (error) {
        lastProblem = error instanceof Error ? error.message : String(error);
      }
      await delay(50);
    }
    throw new Error(`docker-registry did not answer within ${timeoutMs} ms (${lastProblem}):\n${await tail(logFile)}`);
  } finally {
    agent.destroy();
  }
}

async function tail(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-15).join('\n');
}

/** Kills a registry left running by a previous sandbox that was killed without a chance to clean up. */
async function killLeftover(pidFile: string, configFile: string): Promise<void> {
  const pid = Number(await readFile(pidFile, 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0) return;
  // Only if that pid is still our registry: pids are reused.
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (cmdline.includes('docker-registry') && cmdline.includes(configFile)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await delay(100);
  }
  await rm(pidFile, { force: true });
}
