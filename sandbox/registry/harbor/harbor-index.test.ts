// The Harbor façade lists from the index the pushes keep (like Harbor's database), not from the
// registry: after start-up, a listing costs the registry nothing but each config blob once.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { buildImage, type BuiltImage } from '../image-builder.js';
import type { DistributionClient, ManifestHead, StoredManifest } from './distribution-client.js';
import { HarborData } from './harbor-data.js';
import { HarborDb } from './harbor-db.js';
import { HarborIndex } from './harbor-index.js';

/** A registry that holds what it was given and counts what it is asked. */
class CountingRegistry {
  readonly calls: string[] = [];
  readonly tags = new Map<string, Map<string, string>>();
  readonly manifests = new Map<string, StoredManifest>();
  readonly blobs = new Map<string, Buffer>();

  store(repository: string, image: BuiltImage, tag: string): string {
    for (const blob of image.blobs) this.blobs.set(blob.digest, blob.data);
    for (const manifest of image.manifests) {
      this.manifests.set(`${repository}@${manifest.digest}`, {
        digest: manifest.digest,
        mediaType: manifest.mediaType,
        body: manifest.body,
        json: JSON.parse(manifest.body.toString('utf8')) as unknown,
      });
    }
    const top = image.manifests.at(-1)?.digest ?? '';
    this.tags.set(repository, new Map([...(this.tags.get(repository) ?? []), [tag, top]]));
    return top;
  }

  client(): DistributionClient {
    const client: Pick<DistributionClient, 'catalog' | 'tags' | 'head' | 'manifest' | 'blob'> = {
      catalog: async () => (this.calls.push('catalog'), [...this.tags.keys()]),
      tags: async (repository) => (this.calls.push(`tags ${repository}`), [...(this.tags.get(repository)?.keys() ?? [])]),
      head: async (repository, reference): Promise<ManifestHead | undefined> => {
        this.calls.push(`head ${repository}:${reference}`);
        const digest = this.tags.get(repository)?.get(reference);
        return digest ? { digest, mediaType: this.manifests.get(`${repository}@${digest}`)?.mediaType ?? '' } : undefined;
      },
      manifest: async (repository, digest) => {
        this.calls.push(`manifest ${repository}@${digest}`);
        const found = this.manifests.get(`${repository}@${digest}`);
        if (!found) throw new Error(`no manifest ${digest}`);
        return found;
      },
      blob: async (repository, digest) => {
        this.calls.push(`blob ${digest}`);
        return this.blobs.get(digest) ?? Buffer.alloc(0);
      },
    };
    return client as DistributionClient;
  }
}

describe('HarborIndex', () => {
  let dir: string;
  let registry: CountingRegistry;
  let index: HarborIndex;
  let data: HarborData;
  const project = { name: 'cse', public: true };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'harbor-index-'));
    registry = new CountingRegistry();
    index = new HarborIndex(registry.client());
    data = new HarborData(index, await HarborDb.open(join(dir, 'db.json')), [project]);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** What the front door's proxy does for each manifest the registry stored. */
  function push(repository: string, tag: string, format: 'docker' | 'oci-index' = 'docker'): string {
    const image = buildImage(repository, tag, format);
    const digest = registry.store(repository, image, tag);
    for (const manifest of image.manifests) {
      index.recordPush(repository, manifest.reference, manifest.digest, { body: manifest.body, mediaType: manifest.mediaType });
    }
    return digest;
  }

  it('lists pushed artifacts without asking the registry for catalog, tags or manifests', async () => {
    await index.load();
    registry.calls.length = 0;
    const digest = push('cse/tkg/kube-proxy', 'v1.27.5_vmware.1');
    push('cse/tkg/etcd', 'v3.5.7_vmware.6', 'oci-index');
    const view = data.project('cse');
    assert.ok(view);

    const repositories = await data.repositories(view);
    const artifacts = await data.artifacts(view, 'cse/tkg/kube-proxy');
    const again = await data.artifacts(view, 'cse/tkg/kube-proxy');

    assert.deepEqual(repositories.map((repository) => repository.name).sort(), ['cse/tkg/etcd', 'cse/tkg/kube-proxy']);
    assert.deepEqual(
      artifacts.map((artifact) => [artifact.digest, artifact.tags.map((tag) => tag.name)]),
      [[digest, ['v1.27.5_vmware.1']]],
    );
    assert.equal(again[0]?.digest, digest);
    // Each config blob is read once (content-addressed); nothing else reaches the registry.
    assert.deepEqual(
      registry.calls.filter((call) => !call.startsWith('blob ')),
      [],
    );
    assert.equal(registry.calls.length, new Set(registry.calls).size);
  });

  it('reads an image config as its push passes, so the first listing asks the registry nothing', async () => {
    await index.load();
    push('cse/tkg/coredns', 'v1.10.1_vmware.7');
    // The read runs in the background: let it finish, as the time between a push and a check does.
    await new Promise((resolve) => setImmediate(resolve));
    const read = registry.calls.filter((call) => call.startsWith('blob ')).length;
    assert.equal(read, 1);
    const view = data.project('cse');
    assert.ok(view);
    registry.calls.length = 0;
    await data.artifacts(view, 'cse/tkg/coredns');
    assert.deepEqual(registry.calls, []);
  });

  it('moves a tag pushed again to its new digest', async () => {
    await index.load();
    push('cse/app', '1.0');
    const moved = push('cse/app', '1.0', 'oci-index');
    const view = data.project('cse');
    assert.ok(view);
    const artifacts = await data.artifacts(view, 'cse/app');
    assert.deepEqual(
      artifacts.map((artifact) => artifact.digest),
      [moved],
    );
    assert.equal((await data.artifact(view, 'cse/app', '1.0'))?.digest, moved);
  });

  it('reads what the registry held before start-up once, then serves it from memory', async () => {
    const before = registry.store('cse/old', buildImage('cse/old', '1.0', 'docker'), '1.0');
    await index.load();
    const view = data.project('cse');
    assert.ok(view);
    assert.equal((await data.artifact(view, 'cse/old', '1.0'))?.digest, before);
    const calls = registry.calls.length;
    assert.equal((await data.artifacts(view, 'cse/old'))[0]?.digest, before);
    assert.equal(registry.calls.length, calls);
    assert.deepEqual(
      registry.calls.filter((call) => !call.startsWith('blob ') && !call.startsWith('manifest ')),
      ['catalog', 'tags cse/old', 'head cse/old:1.0'],
    );
  });
});
