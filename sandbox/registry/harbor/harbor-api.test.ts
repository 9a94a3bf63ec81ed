import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTrustingAgent, headerValue, type HttpsResponse } from '../https-client.js';
import { loadSeedCatalog, MEDIA_TYPES, startSandboxRegistry, type SandboxRegistry } from '../index.js';
import { imagesToPush } from '../seed-catalog.js';
import { seedRegistry } from '../seed.js';
import { RegistryTestClient } from '../testing/registry-test-client.js';

interface Artifact {
  id: number;
  digest: string;
  type: string;
  media_type: string;
  manifest_media_type: string;
  push_time: string;
  tags: { name: string; push_time: string; artifact_id: number }[] | null;
  references: { child_digest: string; parent_id: number; platform: { architecture: string; os: string } }[] | null;
}

const catalog = loadSeedCatalog();
const seededRepositories = (project: string): string[] =>
  [...new Set(imagesToPush(catalog).map((image) => image.repository))].filter((name) => name.startsWith(`${project}/`)).sort();

describe('Harbor v2.0 façade', () => {
  let dataDir: string;
  let registry: SandboxRegistry;
  let agent: Agent;
  let client: RegistryTestClient;
  let adminAuth: Record<string, string>;
  let password: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cse-airgap-harbor-'));
    registry = await startSandboxRegistry({ dataDir, reset: true });
    agent = createTrustingAgent(registry.caPem);
    client = new RegistryTestClient(registry.url, agent);
    password = (await readFile(registry.adminPasswordFile, 'utf8')).trim();
    adminAuth = { Authorization: `Basic ${Buffer.from(`${registry.adminUser}:${password}`).toString('base64')}` };
  });
  after(async () => {
    agent.destroy();
    await registry.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  const get = (path: string, headers: Record<string, string> = {}): Promise<HttpsResponse> => client.get(`/api/v2.0${path}`, headers);
  const json = <T>(res: HttpsResponse): T => JSON.parse(res.body.toString('utf8')) as T;
  const errorOf = (res: HttpsResponse): { code: string; message: string } | undefined =>
    json<{ errors: { code: string; message: string }[] }>(res).errors[0];
  /** Pushes images through the front door, as a mirror script would. */
  const push = (images: { repository: string; tag: string }[]): Promise<unknown> =>
    seedRegistry({
      url: registry.url,
      agent,
      images: images.map((image) => ({ ...image, format: 'docker' as const })),
      tokenFor: (repository) => client.tokenFor([`repository:${repository}:pull,push`], { user: registry.adminUser, password }),
    });

  describe('anonymous endpoints', () => {
    it('answers ping with Pong as text/plain and a request id', async () => {
      const res = await get('/ping');
      assert.deepEqual([res.status, res.body.toString('utf8'), headerValue(res.headers, 'content-type')], [200, 'Pong', 'text/plain']);
      assert.ok(headerValue(res.headers, 'x-request-id'));
    });

    it('hands over its default root certificate, the sandbox CA, to anyone (systeminfo/getcert)', async () => {
      const res = await get('/systeminfo/getcert');
      assert.equal(res.status, 200);
      assert.equal(headerValue(res.headers, 'content-disposition'), 'attachment; filename=ca.crt');
      assert.equal(res.body.toString('utf8'), registry.caPem);
    });

    it('answers the anonymous systeminfo, and more to the admin', async () => {
      const anonymous = json<Record<string, unknown>>(await get('/systeminfo'));
      assert.deepEqual(Object.keys(anonymous), [
        'auth_mode',
        'banner_message',
        'harbor_version',
        'oidc_provider_name',
        'primary_auth_mode',
        'self_registration',
      ]);
      assert.deepEqual([anonymous['auth_mode'], anonymous['harbor_version']], ['db_auth', 'v2.10.2-sandbox']);
      const admin = json<Record<string, unknown>>(await get('/systeminfo', adminAuth));
      assert.deepEqual([admin['external_url'], admin['registry_url']], [registry.url, `127.0.0.1:${registry.port}`]);
    });
  });

  describe('projects', () => {
    it('shows the public project anonymously, metadata.public as the string "true"', async () => {
      const res = await get('/projects/cse');
      assert.equal(res.status, 200);
      const project = json<{
        name: string;
        project_id: number;
        metadata: { public: string };
        repo_count: number;
        current_user_role_ids: unknown;
      }>(res);
      assert.deepEqual(project.metadata, { public: 'true' });
      assert.deepEqual([project.name, project.repo_count, project.current_user_role_ids], ['cse', seededRepositories('cse').length, null]);
    });

    it('answers 401 for the private project anonymously, even with a wrong password, and shows it to the admin', async () => {
      const anonymous = await get('/projects/private');
      assert.deepEqual([anonymous.status, errorOf(anonymous)], [401, { code: 'UNAUTHORIZED', message: 'unauthorized' }]);
      const wrong = await get('/projects/private', { Authorization: `Basic ${Buffer.from('admin:wrong').toString('base64')}` });
      assert.equal(wrong.status, 401);
      const admin = await get('/projects/private', adminAuth);
      assert.deepEqual([admin.status, json<{ metadata: { public: string } }>(admin).metadata.public], [200, 'false']);
    });

    it('answers an unknown project with 401 anonymously and 404 NOT_FOUND to the admin', async () => {
      assert.equal((await get('/projects/nope')).status, 401);
      const admin = await get('/projects/nope', adminAuth);
      assert.deepEqual([admin.status, errorOf(admin)], [404, { code: 'NOT_FOUND', message: 'project nope not found' }]);
    });

    it('answers HEAD projects?project_name= with 200 or 404, and 401 anonymously', async () => {
      const head = (name: string, headers: Record<string, string> = {}): Promise<HttpsResponse> =>
        client.send('HEAD', `/api/v2.0/projects?project_name=${name}`, headers);
      assert.deepEqual(
        [(await head('cse', adminAuth)).status, (await head('nope', adminAuth)).status, (await head('cse')).status],
        [200, 404, 401],
      );
    });
  });

  describe('repositories', () => {
    it('pages the registry catalog of a project with X-Total-Count and Link next', async () => {
      const expected = seededRepositories('cse');
      const first = await get('/projects/cse/repositories?page_size=5');
      assert.equal(first.status, 200);
      assert.equal(headerValue(first.headers, 'x-total-count'), String(expected.length));
      assert.equal(headerValue(first.headers, 'link'), '</api/v2.0/projects/cse/repositories?page=2&page_size=5>; rel="next"');
      const names: string[] = [];
      for (let page = 1; page <= Math.ceil(expected.length / 5); page++) {
        names.push(...json<{ name: string }[]>(await get(`/projects/cse/repositories?page=${page}&page_size=5`)).map((repo) => repo.name));
      }
      assert.deepEqual(names.sort(), expected);
      const last = await get(`/projects/cse/repositories?page=${Math.ceil(expected.length / 5)}&page_size=5`);
      assert.match(headerValue(last.headers, 'link') ?? '', /rel="prev"$/);
    });

    it('refuses page_size above 100 with 422 UNPROCESSABLE_ENTITY', async () => {
      const res = await get('/projects/cse/repositories?page_size=101');
      assert.equal(res.status, 422);
      assert.deepEqual(errorOf(res), {
        code: 'UNPROCESSABLE_ENTITY',
        message: 'validation failure list:\npage_size in query should be less than or equal to 100',
      });
    });

    it('lists the private project for the admin only', async () => {
      assert.equal((await get('/projects/private/repositories')).status, 401);
      const admin = json<{ name: string }[]>(await get('/projects/private/repositories', adminAuth));
      assert.deepEqual(
        admin.map((repo) => repo.name),
        seededRepositories('private'),
      );
    });
  });

  describe('artifacts', () => {
    it('lists a nested repository named with a twice-encoded slash, with the digest the registry serves', async () => {
      const res = await get('/projects/cse/repositories/tkg%252Fkube-proxy/artifacts?with_tag=true&page=1&page_size=10');
      assert.equal(res.status, 200);
      const [artifact, ...others] = json<Artifact[]>(res);
      assert.equal(others.length, 0);
      const token = await client.tokenFor(['repository:cse/tkg/kube-proxy:pull']);
      const served = headerValue(
        (await client.headManifest('cse/tkg/kube-proxy', 'v1.27.5_vmware.1', token)).headers,
        'docker-content-digest',
      );
      assert.deepEqual(
        [artifact?.digest, artifact?.type, artifact?.manifest_media_type, artifact?.media_type, artifact?.tags?.map((tag) => tag.name)],
        [served, 'IMAGE', MEDIA_TYPES.dockerManifest, MEDIA_TYPES.dockerConfig, ['v1.27.5_vmware.1']],
      );
    });

    it('answers 404 "path … was not found" when the slash is encoded once', async () => {
      const res = await get('/projects/cse/repositories/tkg%2Fkube-proxy/artifacts');
      assert.deepEqual(
        [res.status, errorOf(res)?.message],
        [404, 'path /api/v2.0/projects/cse/repositories/tkg/kube-proxy/artifacts was not found'],
      );
    });

    it('describes an OCI index with its per-platform references', async () => {
      const res = await get('/projects/cse/repositories/vmware-cloud-director%252Fcluster-api-provider-cloud-director/artifacts');
      const [index] = json<Artifact[]>(res);
      assert.deepEqual([index?.media_type, index?.manifest_media_type, index?.type], [MEDIA_TYPES.ociIndex, MEDIA_TYPES.ociIndex, 'IMAGE']);
      assert.deepEqual(
        index?.references?.map((reference) => [reference.platform.os, reference.platform.architecture, reference.parent_id]),
        [
          ['linux', 'amd64', index?.id],
          ['linux', 'arm64', index?.id],
        ],
      );
    });

    it('answers an empty list for a repository that does not exist, and 401 anonymously in the private project', async () => {
      const missing = await get('/projects/cse/repositories/vmware-cloud-director%252Fsig-storage%252Fcsi-resizer/artifacts');
      assert.deepEqual([missing.status, missing.body.toString('utf8'), headerValue(missing.headers, 'x-total-count')], [200, '[]', '0']);
      const path = '/projects/private/repositories/vmware-cloud-director%252Fcluster-api-provider-cloud-director/artifacts';
      assert.equal((await get(path)).status, 401);
      assert.equal(json<Artifact[]>(await get(path, adminAuth)).length, 1);
    });

    it('shows what is pushed later, newest first, and pages with the Link core builds', async () => {
      const started = Date.now();
      await push([
        { repository: 'cse/extra/paged', tag: '1.0' },
        { repository: 'cse/extra/paged', tag: '2.0' },
      ]);
      const res = await get('/projects/cse/repositories/extra%252Fpaged/artifacts?page_size=1&with_tag=true');
      assert.equal(headerValue(res.headers, 'x-total-count'), '2');
      assert.equal(
        headerValue(res.headers, 'link'),
        '</api/v2.0/projects/cse/repositories/extra%2Fpaged/artifacts?page=2&page_size=1&with_tag=true>; rel="next"',
      );
      const [newest] = json<Artifact[]>(res);
      assert.ok(Date.parse(newest?.push_time ?? '') >= started - 1000, newest?.push_time);
      const repositories = json<{ name: string; artifact_count: number }[]>(await get('/projects/cse/repositories?q=name%3D~extra'));
      assert.deepEqual(repositories, [{ ...repositories[0], name: 'cse/extra/paged', artifact_count: 2 }]);
    });
  });
});
