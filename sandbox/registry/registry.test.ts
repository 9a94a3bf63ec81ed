import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { createTrustingAgent, headerValue } from './https-client.js';
import { expectedAbsent, expectedPresent, loadSeedCatalog, MEDIA_TYPES, startSandboxRegistry, type SandboxRegistry } from './index.js';
import { RegistryTestClient } from './testing/registry-test-client.js';

const execFileAsync = promisify(execFile);
const KUBE_PROXY = { repository: 'cse/tkg/kube-proxy', tag: 'v1.27.5_vmware.1' };
const PRIVATE_CAPVCD = {
  repository: 'private/vmware-cloud-director/cluster-api-provider-cloud-director',
  tag: 'v1.3.0',
};
const catalog = loadSeedCatalog();

/** True while some process's command line mentions the file (the registry's config path). */
async function isProcessRunningWith(file: string): Promise<boolean> {
  try {
    await execFileAsync('pgrep', ['-f', file]);
    return true;
  } catch {
    return false;
  }
}

describe('startSandboxRegistry', () => {
  let dataDir: string;
  let registry: SandboxRegistry;
  let agent: Agent;
  let client: RegistryTestClient;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cse-airgap-registry-'));
    registry = await startSandboxRegistry({ dataDir, reset: true });
    agent = createTrustingAgent(registry.caPem);
    client = new RegistryTestClient(registry.url, agent);
  });

  after(async () => {
    agent.destroy();
    await registry.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  it('describes itself with the base a user types', () => {
    assert.equal(registry.url, `https://127.0.0.1:${registry.port}`);
    assert.equal(registry.base, `127.0.0.1:${registry.port}/cse`);
    assert.match(registry.caPem, /BEGIN CERTIFICATE/);
    assert.deepEqual(registry.projects, [
      { name: 'cse', public: true },
      { name: 'private', public: false },
    ]);
  });

  describe('when a client pulls anonymously from the public project', () => {
    it('sends it to the front door for a token', async () => {
      const res = await client.get('/v2/');
      assert.equal(res.status, 401);
      assert.equal(headerValue(res.headers, 'www-authenticate'), `Bearer realm="${registry.url}/service/token",service="harbor-registry"`);
    });

    it('finds a seeded tag and gives its digest', async () => {
      const token = await client.tokenFor([`repository:${KUBE_PROXY.repository}:pull`]);
      const res = await client.headManifest(KUBE_PROXY.repository, KUBE_PROXY.tag, token);
      assert.equal(res.status, 200);
      assert.match(headerValue(res.headers, 'docker-content-digest') ?? '', /^sha256:[0-9a-f]{64}$/);
      assert.equal(headerValue(res.headers, 'content-type'), MEDIA_TYPES.dockerManifest);
    });

    it('answers 404 for a tag that is not there', async () => {
      const token = await client.tokenFor([`repository:${KUBE_PROXY.repository}:pull`]);
      const res = await client.headManifest(KUBE_PROXY.repository, 'v0.0.0-missing', token);
      assert.equal(res.status, 404);
    });

    it('serves an OCI index with its media type', async () => {
      const repository = 'cse/vmware-cloud-director/cluster-api-provider-cloud-director';
      const token = await client.tokenFor([`repository:${repository}:pull`]);
      const res = await client.send('GET', `/v2/${repository}/manifests/v1.3.0`, {
        Accept: MEDIA_TYPES.ociIndex,
        Authorization: `Bearer ${token}`,
      });
      assert.equal(res.status, 200);
      assert.equal(headerValue(res.headers, 'content-type'), MEDIA_TYPES.ociIndex);
      const index = JSON.parse(res.body.toString('utf8')) as { manifests: { platform: { architecture: string } }[] };
      assert.deepEqual(
        index.manifests.map((m) => m.platform.architecture),
        ['amd64', 'arm64'],
      );
    });
  });

  describe('when the project is private', () => {
    it('answers 401 to an anonymous HEAD, with or without an anonymous token', async () => {
      assert.equal((await client.headManifest(PRIVATE_CAPVCD.repository, PRIVATE_CAPVCD.tag)).status, 401);
      const token = await client.tokenFor([`repository:${PRIVATE_CAPVCD.repository}:pull`]);
      assert.deepEqual(decodeJwt(token)['access'], [{ type: 'repository', name: PRIVATE_CAPVCD.repository, actions: [] }]);
      assert.equal((await client.headManifest(PRIVATE_CAPVCD.repository, PRIVATE_CAPVCD.tag, token)).status, 401);
    });

    it('lets the admin user pull', async () => {
      const password = (await readFile(registry.adminPasswordFile, 'utf8')).trim();
      const token = await client.tokenFor([`repository:${PRIVATE_CAPVCD.repository}:pull,push`], {
        user: registry.adminUser,
        password,
      });
      assert.deepEqual(decodeJwt(token)['access'], [{ type: 'repository', name: PRIVATE_CAPVCD.repository, actions: ['pull', 'push'] }]);
      assert.equal((await client.headManifest(PRIVATE_CAPVCD.repository, PRIVATE_CAPVCD.tag, token)).status, 200);
    });
  });

  describe('the token service', () => {
    it('grants 40 scopes in one token', async () => {
      const repositories = catalog.images.map((i) => i.repository);
      for (let i = repositories.length; i < 40; i++) repositories.push(`cse/load/repository-${i}`);
      const res = await client.requestToken(repositories.map((r) => `repository:${r}:pull`));
      assert.equal(res.status, 200);
      const body = JSON.parse(res.body.toString('utf8')) as {
        token: string;
        access_token: string;
        expires_in: number;
        issued_at: string;
      };
      assert.equal(body.access_token, body.token);
      assert.equal(body.expires_in, 1800);
      assert.match(body.issued_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const access = decodeJwt(body.token)['access'] as { name: string; actions: string[] }[];
      assert.equal(access.length, 40);
      assert.ok(access.filter((a) => a.name.startsWith('cse/')).every((a) => a.actions.join() === 'pull'));
      assert.equal((await client.headManifest(KUBE_PROXY.repository, KUBE_PROXY.tag, body.token)).status, 200);
      assert.equal((await client.headManifest('cse/tkg/etcd', 'v3.5.7_vmware.6', body.token)).status, 200);
    });

    it('signs with RS256 and carries the token certificate in x5c', async () => {
      const header = decodeProtectedHeader(await client.tokenFor([`repository:${KUBE_PROXY.repository}:pull`]));
      assert.equal(header.alg, 'RS256');
      const tokenCert = await readFile(join(dataDir, 'pki', 'token.crt'), 'utf8');
      assert.equal(header.x5c?.[0], tokenCert.replace(/-----[A-Z ]+-----|\s/g, ''));
    });

    it('answers 401 with a Harbor error body to a wrong password', async () => {
      const res = await client.requestToken([`repository:${KUBE_PROXY.repository}:pull`], {
        user: 'admin',
        password: 'wrong',
      });
      assert.equal(res.status, 401);
      const body = JSON.parse(res.body.toString('utf8')) as { errors: { code: string }[] };
      assert.equal(body.errors[0].code, 'UNAUTHORIZED');
    });
  });

  describe('the seed', () => {
    it('holds every image of the catalog, including the misplaced copies', async () => {
      for (const reference of expectedPresent(catalog)) {
        const [repository, tag] = reference.split(':');
        const token = await client.tokenFor(
          [`repository:${repository}:pull`],
          repository.startsWith('private/')
            ? { user: registry.adminUser, password: (await readFile(registry.adminPasswordFile, 'utf8')).trim() }
            : undefined,
        );
        assert.equal((await client.headManifest(repository, tag, token)).status, 200, reference);
      }
    });

    it('lacks every reference the catalog says is deliberately missing', async () => {
      const absent = expectedAbsent(catalog);
      assert.ok(absent.length >= 3);
      for (const reference of absent) {
        const [repository, tag] = reference.split(':');
        const token = await client.tokenFor([`repository:${repository}:pull`]);
        assert.equal((await client.headManifest(repository, tag, token)).status, 404, reference);
      }
    });

    it('pushed every image on a fresh start', () => {
      assert.equal(registry.seed.pushed.length, expectedPresent(catalog).length);
      assert.deepEqual(registry.seed.skipped, []);
    });
  });

  describe('the front door', () => {
    it('answers 404 JSON for an unknown path', async () => {
      const res = await client.get('/no/such/route');
      assert.equal(res.status, 404);
      assert.equal(headerValue(res.headers, 'content-type'), 'application/json; charset=utf-8');
    });

    it('serves a route added later, until it is removed', async () => {
      const remove = registry.front.addRoute('/extra', (_req, res) => {
        res.end('Extra');
      });
      assert.equal((await client.get('/extra/thing')).body.toString('utf8'), 'Extra');
      remove();
      assert.equal((await client.get('/extra/thing')).status, 404);
    });
  });
});

describe('SandboxRegistry on restart and stop', () => {
  let dataDir: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cse-airgap-registry-'));
  });

  after(async () => {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  it('keeps the CA and the images, and seeds nothing twice', async () => {
    const first = await startSandboxRegistry({ dataDir, reset: false });
    await first.stop();
    const second = await startSandboxRegistry({ dataDir, reset: false });
    await second.stop();
    assert.equal(second.caPem, first.caPem);
    assert.deepEqual(second.seed.pushed, []);
    assert.equal(second.seed.skipped.length, expectedPresent(catalog).length);
  });

  it('leaves no docker-registry process behind, even when stopped twice', async () => {
    const registry = await startSandboxRegistry({ dataDir, reset: false });
    assert.ok(await isProcessRunningWith(registry.registryConfigFile));
    await registry.stop();
    await registry.stop();
    assert.equal(await isProcessRunningWith(registry.registryConfigFile), false);
  });

  it('starts afresh on reset', async () => {
    const before = await readFile(join(dataDir, 'pki', 'ca.crt'), 'utf8');
    const registry = await startSandboxRegistry({ dataDir, reset: true });
    await registry.stop();
    assert.notEqual(registry.caPem, before);
    assert.equal(registry.seed.pushed.length, expectedPresent(catalog).length);
  });
});
