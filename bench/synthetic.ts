// Synthetic images for the benchmark, pushed fast over the plain distribution API straight to the
// front door (not through the latency proxy), like the sandbox's seeding: one tiny shared layer
// and one config per repository, then one small OCI manifest per tag (an annotation makes each
// tag its own artifact). Half of the references asked for are never pushed.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Agent } from 'node:https';
import { headerValue, httpsRequest, type HttpsResponse } from '../sandbox/registry/https-client.js';
import { MEDIA_TYPES, tarWithOneFile } from '../sandbox/registry/image-builder.js';

export interface SyntheticPlan {
  /** `cse/bench/synthetic-000` … */
  repositories: string[];
  /** Every reference a check asks for: `{repository, tag, present}`. */
  images: { repository: string; tag: string; present: boolean }[];
}

/** `count` references over `count / tagsPerRepository` repositories; the first half of each repository's tags exist. */
export function planSynthetic(count: number, tagsPerRepository = 10, project = 'cse'): SyntheticPlan {
  const repositoryCount = Math.ceil(count / tagsPerRepository);
  const repositories = Array.from({ length: repositoryCount }, (_, i) => `${project}/bench/synthetic-${String(i).padStart(3, '0')}`);
  const images = Array.from({ length: count }, (_, i) => {
    const t = i % tagsPerRepository;
    return {
      repository: repositories[Math.floor(i / tagsPerRepository)],
      tag: `v1.${t}.0`,
      present: t < tagsPerRepository / 2,
    };
  });
  return { repositories, images };
}

const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

export interface PushOptions {
  /** The front door, `https://127.0.0.1:<port>`. */
  url: string;
  agent: Agent;
  /** Basic credentials for the token service (the sandbox admin). */
  basicAuth: string;
  concurrency?: number;
  /** Give up after this long. */
  deadlineMs?: number;
}

export async function pushSynthetic(plan: SyntheticPlan, options: PushOptions): Promise<{ manifests: number; requests: number }> {
  const tar = tarWithOneFile('bench.txt', Buffer.from('cse-airgap bench\n'));
  const layer = gzipSync(tar);
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [sha256(tar)] } }),
  );
  const deadline = Date.now() + (options.deadlineMs ?? 60_000);
  let requests = 0;
  let manifests = 0;
  const send = async (method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<HttpsResponse> => {
    if (Date.now() > deadline) throw new Error('pushing the synthetic images took too long');
    requests += 1;
    return httpsRequest(new URL(path, options.url), {
      method,
      agent: options.agent,
      headers: { ...headers, ...(body !== undefined ? { 'Content-Length': String(body.length) } : {}) },
      body,
    });
  };
  const expect = (res: HttpsResponse, status: number, what: string): void => {
    if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${res.body.toString('utf8').slice(0, 200)}`);
  };

  const pushRepository = async (repository: string, tags: string[]): Promise<void> => {
    const tokenRes = await send(
      'GET',
      `/service/token?service=harbor-registry&scope=${encodeURIComponent(`repository:${repository}:pull,push`)}`,
      { Authorization: options.basicAuth },
    );
    expect(tokenRes, 200, `token for ${repository}`);
    const token = (JSON.parse(tokenRes.body.toString('utf8')) as { token: string }).token;
    const auth = { Authorization: `Bearer ${token}` };
    for (const blob of [layer, config]) {
      const started = await send('POST', `/v2/${repository}/blobs/uploads/`, { ...auth, 'Content-Length': '0' });
      const location = headerValue(started.headers, 'location');
      if (started.status !== 202 || location === undefined) expect(started, 202, `upload to ${repository}`);
      const target = new URL(location ?? '', options.url);
      target.searchParams.set('digest', sha256(blob));
      expect(
        await send('PUT', target.pathname + target.search, { ...auth, 'Content-Type': 'application/octet-stream' }, blob),
        201,
        'blob PUT',
      );
    }
    for (const tag of tags) {
      const manifest = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: MEDIA_TYPES.ociManifest,
          config: { mediaType: MEDIA_TYPES.ociConfig, digest: sha256(config), size: config.length },
          layers: [{ mediaType: MEDIA_TYPES.ociLayer, digest: sha256(layer), size: layer.length }],
          annotations: { 'org.opencontainers.image.ref.name': tag },
        }),
      );
      expect(
        await send('PUT', `/v2/${repository}/manifests/${tag}`, { ...auth, 'Content-Type': MEDIA_TYPES.ociManifest }, manifest),
        201,
        'manifest PUT',
      );
      manifests += 1;
    }
  };

  const byRepository = new Map<string, string[]>();
  for (const image of plan.images.filter((i) => i.present))
    byRepository.set(image.repository, [...(byRepository.get(image.repository) ?? []), image.tag]);
  const queue = [...byRepository.entries()];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await pushRepository(next[0], next[1]);
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return { manifests, requests };
}
