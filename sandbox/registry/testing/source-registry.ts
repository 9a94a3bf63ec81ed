// Test fixture: a second, plain docker-registry standing in for a public source registry (the
// role projects.registry.vmware.com or registry.k8s.io play for a provider's connected machine).
// TLS with a certificate of the sandbox CA for 127.0.0.1, no authentication, anonymous push and
// pull, filled with tiny images through the distribution API.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { findFreePort } from '../../lib/ports.js';
import { createTrustingAgent, httpsRequest } from '../https-client.js';
import { buildImage, type ImageFormat } from '../image-builder.js';
import type { SandboxPki } from '../pki.js';
import { RepositoryClient } from '../seed.js';

export interface SourceRegistry {
  /** 127.0.0.1:<port> */
  readonly host: string;
  readonly url: string;
  push(repository: string, tag: string, format?: ImageFormat): Promise<void>;
  stop(): Promise<void>;
}

export async function startSourceRegistry(
  dir: string,
  pki: Pick<SandboxPki, 'serverCertFile' | 'serverKeyFile' | 'caPem'>,
): Promise<SourceRegistry> {
  await mkdir(join(dir, 'storage'), { recursive: true });
  const port = await findFreePort();
  const configFile = join(dir, 'config.yml');
  const config = {
    version: 0.1,
    log: { level: 'warn' },
    storage: { filesystem: { rootdirectory: join(dir, 'storage') } },
    http: { addr: `127.0.0.1:${port}`, tls: { certificate: pki.serverCertFile, key: pki.serverKeyFile } },
  };
  await writeFile(configFile, JSON.stringify(config));
  const log = openSync(join(dir, 'registry.log'), 'a');
  const child = spawn('docker-registry', ['serve', configFile], { stdio: ['ignore', log, log] });
  closeSync(log);
  const kill = (): void => void child.kill('SIGKILL');
  process.on('exit', kill);
  const url = `https://127.0.0.1:${port}`;
  const agent = createTrustingAgent(pki.caPem);
  for (let attempt = 0; ; attempt++) {
    const answer = await httpsRequest(`${url}/v2/`, { agent, timeoutMs: 1000 }).catch(() => undefined);
    if (answer?.status === 200) break;
    if (attempt > 100) throw new Error(`the source registry did not start (see ${dir}/registry.log)`);
    await delay(50);
  }
  return {
    host: `127.0.0.1:${port}`,
    url,
    async push(repository, tag, format = 'docker') {
      await new RepositoryClient(url, agent, repository, '').push(buildImage(repository, tag, format));
    },
    async stop() {
      process.off('exit', kill);
      agent.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
