// The sandbox's Harbor: the real distribution registry behind a Harbor-like front door (token
// service + proxy), with a generated PKI and seeded CSE images. What the orchestration starts.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, parse, resolve } from 'node:path';
import { ensureSystemPackages } from '../lib/system-packages.js';
import { startFrontDoor, type FrontDoor } from './front.js';
import { DistributionClient } from './harbor/distribution-client.js';
import { API_PREFIX, createHarborApi } from './harbor/harbor-api.js';
import { HarborData } from './harbor/harbor-data.js';
import { HarborDb } from './harbor/harbor-db.js';
import { HarborIndex } from './harbor/harbor-index.js';
import { createTrustingAgent } from './https-client.js';
import { ensurePki } from './pki.js';
import { REGISTRY_SERVICE, TOKEN_ISSUER, startDistribution, type DistributionProcess } from './registry.js';
import { imagesToPush, loadSeedCatalog } from './seed-catalog.js';
import { seedRegistry, type SeedResult } from './seed.js';
import { TokenIssuer, type Project } from './token-service.js';

export type { FrontDoor, RouteHandler } from './front.js';
export type { Project } from './token-service.js';
export { MANIFEST_ACCEPT, MEDIA_TYPES } from './image-builder.js';
export { loadSeedCatalog, expectedAbsent, expectedPresent, type SeedCatalog, type SeedImage } from './seed-catalog.js';

export const ADMIN_USER = 'admin';
/** What systeminfo reports: Harbor 2.10.2, the release whose API the façade follows. */
export const HARBOR_VERSION = 'v2.10.2-sandbox';

export interface SandboxRegistryOptions {
  dataDir: string;
  /** Wipe dataDir (PKI, storage, password) first. */
  reset: boolean;
  /** The front door's port; absent or 0 picks a free one. */
  port?: number;
  /**
   * Where the registry's `WWW-Authenticate` challenge sends clients for a token; the front door's
   * `/service/token` by default. The benchmark points it at its latency proxy, so that token
   * requests pay the round trip too.
   */
  tokenRealm?: string;
  /** The front door negotiates HTTP/2 as well as HTTP/1.1. */
  http2?: boolean;
}

export interface SandboxRegistry {
  host: string;
  /** The front door port (what a user types). */
  port: number;
  /** `https://127.0.0.1:<port>` */
  url: string;
  /** `127.0.0.1:<port>/cse`: the containerRegistryUrl to use. */
  base: string;
  caFile: string;
  caPem: string;
  serverCertPem: string;
  /** The front door's key, for another sandbox origin (the portal over HTTPS) under the same name. */
  serverKeyPem: string;
  projects: Project[];
  front: FrontDoor;
  adminUser: string;
  /** Holds the admin password; it is never printed. */
  adminPasswordFile: string;
  /** The docker-registry config file (its path identifies the process). */
  registryConfigFile: string;
  seed: SeedResult;
  /** Stops the front door and docker-registry; safe to call twice. */
  stop(): Promise<void>;
}

export async function startSandboxRegistry(opts: SandboxRegistryOptions): Promise<SandboxRegistry> {
  await ensureSystemPackages([
    { binary: 'docker-registry', debianPackage: 'docker-registry' },
    { binary: 'openssl', debianPackage: 'openssl' },
  ]);
  if (opts.reset) await wipe(opts.dataDir);
  await mkdir(opts.dataDir, { recursive: true });

  const pki = await ensurePki(join(opts.dataDir, 'pki'));
  const adminPasswordFile = join(opts.dataDir, 'admin-password');
  const adminPassword = await readOrCreatePassword(adminPasswordFile);
  const catalog = loadSeedCatalog();
  const issuer = new TokenIssuer({
    issuer: TOKEN_ISSUER,
    privateKeyPem: pki.tokenKeyPem,
    certPem: pki.tokenCertPem,
    projects: catalog.projects,
    users: new Map([[ADMIN_USER, adminPassword]]),
  });

  const db = await HarborDb.open(join(opts.dataDir, 'harbor-db.json'));
  // The front door listens first: the registry's config must name its token realm.
  const front = await startFrontDoor({
    port: opts.port,
    serverCertPem: pki.serverCertPem,
    serverKeyPem: pki.serverKeyPem,
    caPem: pki.caPem,
    tokenIssuer: issuer,
    defaultService: REGISTRY_SERVICE,
    http2: opts.http2 === true,
  });
  // Harbor's core asks the registry directly, as the admin, with tokens it signs itself.
  const distribution = new DistributionClient(
    () => front.upstream,
    pki.caPem,
    async (scopes) => (await issuer.issue({ kind: 'user', name: ADMIN_USER }, REGISTRY_SERVICE, scopes)).token,
  );
  // Like Harbor's core in the push path: every manifest stored through the front door updates the
  // listings' index and the database rows (ids, push times).
  const index = new HarborIndex(distribution);
  front.observeManifests((repository, reference, digest, pushed) => {
    index.recordPush(repository, reference, digest, pushed);
    db.recordPush(repository, reference, digest).catch((error: unknown) => console.error('[harbor] could not record a push:', error));
  });
  front.addRoute(
    API_PREFIX,
    createHarborApi({
      data: new HarborData(index, db, catalog.projects),
      issuer,
      externalUrl: () => front.url,
      version: HARBOR_VERSION,
      caPem: pki.caPem,
    }),
  );
  let registry: DistributionProcess | undefined;
  const stop = async (): Promise<void> => {
    await front.close();
    distribution.close();
    await registry?.stop();
    await db.flush();
  };

  const agent = createTrustingAgent(pki.caPem);
  try {
    registry = await startDistribution({ dataDir: opts.dataDir, pki, tokenRealm: opts.tokenRealm ?? `${front.url}/service/token` });
    front.setUpstream({ host: registry.host, port: registry.port });
    // What an earlier run pushed (the storage is kept unless reset); later pushes are recorded as they pass.
    await index.load();
    const seed = await seedRegistry({
      url: front.url,
      agent,
      images: imagesToPush(catalog),
      tokenFor: async (repository) =>
        (await issuer.issue({ kind: 'user', name: ADMIN_USER }, REGISTRY_SERVICE, [`repository:${repository}:pull,push`])).token,
    });
    let stopping: Promise<void> | undefined;
    return {
      host: front.host,
      port: front.port,
      url: front.url,
      base: `${front.host}:${front.port}/${catalog.base}`,
      caFile: pki.caCertFile,
      caPem: pki.caPem,
      serverCertPem: pki.serverCertPem,
      serverKeyPem: pki.serverKeyPem,
      projects: catalog.projects,
      front,
      adminUser: ADMIN_USER,
      adminPasswordFile,
      registryConfigFile: registry.configFile,
      seed,
      stop: () => (stopping ??= stop()),
    };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    agent.destroy();
  }
}

/** A reset deletes a whole tree: refuse the obvious wrong values (an empty PATH-like setting). */
async function wipe(dataDir: string): Promise<void> {
  const target = resolve(dataDir);
  if (target === parse(target).root || target === homedir() || target === process.cwd()) {
    throw new Error(`refusing to reset ${target}: choose a dedicated data directory`);
  }
  await rm(target, { recursive: true, force: true });
}

async function readOrCreatePassword(file: string): Promise<string> {
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing !== '') return existing;
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}
