/* Starts and stops the whole sandbox: registry, VCD API stand-in, portal. Used by `npm start` and the e2e tests. */
import type http from 'node:http';
import type { Server } from 'node:net';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startConnectionTargets } from './connection-targets.js';
import { assertPortFree, isPortFree } from './lib/ports.js';
import { StateStore } from './lib/state.js';
import { buildHost } from './host/build.js';
import { createRegistryControl } from './registry-control.js';
import { startSandboxRegistry } from './registry/index.js';
import { createSandboxServer } from './server.js';
import {
  PROXY_SEED,
  STATE_FORMAT_VERSION,
  UiPluginBundles,
  closeEndpointAgents,
  createVcdApi,
  readyBundles,
  seedVcdState,
  type VcdState,
} from './vcd/index.js';
import { SANDBOX_REGISTRY_ALIAS, sandboxHosts } from './lib/hosts.js';

export const REFERENCE_DIR = path.resolve(import.meta.dirname, '..', 'reference');

export interface SandboxOptions {
  readonly port: number;
  readonly stateDir: string;
  readonly reset: boolean;
  /** Filler orgs to seed besides acme and globex (default 42); only a new or reset state is seeded. */
  readonly fillerOrgs?: number;
  /**
   * 'proxy': vcdKeConfig names the registry by its alias (harbor.sandbox.test) and gives the
   * Bootstrap VM a proxy whose noProxy misses it (PROXY_SEED). Only a new or reset state is seeded.
   */
  readonly seed?: 'default' | 'proxy';
  /** The address testConnection reports for the registry's alias (lib/hosts.ts), e.g. 172.18.0.5. */
  readonly registryAddress?: string;
  /** Filler clusters besides the seeded ones in acme and globex (default 0); only a new or reset state is seeded. */
  readonly fillerClusters?: number;
  /** The portal over HTTPS (the sandbox CA's server certificate) instead of plain HTTP. */
  readonly tls?: boolean;
  /** HTTP/2 as well as HTTP/1.1 on the portal (HTTPS implied) and on the registry front door. */
  readonly http2?: boolean;
}

export interface SandboxSummary {
  readonly portalUrl: string;
  readonly registryUrl: string;
  readonly registryVersion: string;
  readonly containerRegistryUrl: string;
  readonly caFile: string;
  /** HTTPS with a self-signed certificate that no VCD trust store holds (testConnection: ERROR_UNTRUSTED_CERTIFICATE). */
  readonly untrustedRegistryUrl: string;
  /** A loopback port nothing listens on (testConnection: ERROR_CANNOT_CONNECT). */
  readonly closedPort: number;
  /** A host name that never resolves (testConnection: ERROR_CANNOT_RESOLVE_IP). */
  readonly unknownHost: string;
  /** GET for {running, url, base, caFile}; POST …/stop and …/start (sandbox-only). */
  readonly registryControlUrl: string;
  readonly stateFile: string;
}

export interface RunningSandbox {
  readonly stateDir: string;
  readonly summary: SandboxSummary;
  stop(): Promise<void>;
}

const REGISTRY_PORT_FILE = 'registry-port';

async function reusableRegistryPort(options: SandboxOptions): Promise<number> {
  if (options.reset) return 0;
  const saved = Number(await readFile(path.join(options.stateDir, REGISTRY_PORT_FILE), 'utf8').catch(() => '0'));
  if (!Number.isInteger(saved) || saved <= 0) return 0;
  return (await isPortFree(saved)) ? saved : 0;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  if (options.port !== 0) await assertPortFree(options.port);
  await mkdir(options.stateDir, { recursive: true });
  const hostJsFile = await buildHost(path.join(options.stateDir, 'host'));
  const registry = await startSandboxRegistry({
    dataDir: path.join(options.stateDir, 'registry'),
    reset: options.reset,
    port: await reusableRegistryPort(options),
    http2: options.http2 === true,
  });
  // The saved state names the registry by host:port: keep the port across restarts when it is free.
  await writeFile(path.join(options.stateDir, REGISTRY_PORT_FILE), String(registry.port));
  const targets = await startConnectionTargets(path.join(options.stateDir, 'targets')).catch(async (error: unknown) => {
    await registry.stop();
    throw error;
  });
  try {
    const stateFile = path.join(options.stateDir, 'state.json');
    const isProxySeed = options.seed === 'proxy';
    const containerRegistryUrl = isProxySeed
      ? `${SANDBOX_REGISTRY_ALIAS}:${registry.port}/${registry.base.split('/')[1] ?? ''}`
      : registry.base;
    const seed = (): VcdState =>
      seedVcdState({
        containerRegistryUrl,
        caPem: registry.caPem,
        fillerOrgs: options.fillerOrgs,
        ...(isProxySeed ? { proxy: PROXY_SEED } : {}),
        clusters: { filler: options.fillerClusters ?? 0 },
      });
    let state = await StateStore.open<VcdState>(stateFile, seed, { reset: options.reset });
    let resetState = options.reset;
    if (state.get().formatVersion !== STATE_FORMAT_VERSION) {
      console.log(`sandbox: ${stateFile} is from an older sandbox; starting it afresh`);
      state = await StateStore.open<VcdState>(stateFile, seed, { reset: true });
      resetState = true;
    }
    // Plug-ins come only from what was uploaded through cloudapi/extensions/ui (npm start deploys
    // dist/plugin.zip that way); their zips sit next to the state, and go with it on a reset.
    const uiPluginBundles = await UiPluginBundles.open(path.join(options.stateDir, 'ui-plugins'), { reset: resetState });
    const store = state;
    const vcd = createVcdApi({
      state: store,
      vcdKeConfigSchemaPath: path.join(REFERENCE_DIR, 'vcdkeconfig-type-schema-v1.1.0.json'),
      uiPluginBundles,
      hosts: sandboxHosts({ ...(options.registryAddress ? { registryAddress: options.registryAddress } : {}) }),
    });
    const control = createRegistryControl(registry);
    const api = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> => (await control(req, res)) || vcd(req, res);
    const isTls = options.tls === true || options.http2 === true;
    const server = createSandboxServer({
      hostJsFile,
      plugins: () => readyBundles(store.get(), uiPluginBundles),
      api,
      ...(isTls ? { tls: { certPem: registry.serverCertPem, keyPem: registry.serverKeyPem, http2: options.http2 === true } } : {}),
    });
    const port = await listen(server.server, options.port);
    const origin = `${isTls ? 'https' : 'http'}://127.0.0.1:${port}`;
    return {
      stateDir: options.stateDir,
      summary: {
        portalUrl: `${origin}/`,
        registryUrl: registry.url,
        registryVersion: '2.8',
        containerRegistryUrl,
        caFile: registry.caFile,
        untrustedRegistryUrl: targets.untrustedRegistryUrl,
        closedPort: targets.closedPort,
        unknownHost: targets.unknownHost,
        registryControlUrl: `${origin}/sandbox/registry`,
        stateFile,
      },
      async stop() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.server.close(() => resolve()));
        // The /ext-api pool keeps connections to the registry alive: close them with the portal.
        closeEndpointAgents();
        await targets.stop();
        await registry.stop();
      },
    };
  } catch (error) {
    await targets.stop();
    await registry.stop();
    throw error;
  }
}
