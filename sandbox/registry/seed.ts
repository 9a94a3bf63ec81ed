// Pushes the seed images into the registry over the plain distribution API, through the front
// door, exactly as a client would: monolithic blob uploads (POST, then PUT to the Location with
// the digest), then the manifests. Idempotent: an image whose tag already answers is skipped.
import type { Agent } from 'node:https';
import { buildImage, MANIFEST_ACCEPT, type BuiltImage } from './image-builder.js';
import { headerValue, httpsRequest, type HttpsResponse } from './https-client.js';
import type { SeedImage } from './seed-catalog.js';

export interface SeedOptions {
  /** The front door, `https://127.0.0.1:<port>`. */
  url: string;
  agent: Agent;
  images: readonly SeedImage[];
  /** A bearer token with pull and push on one repository. */
  tokenFor(repository: string): Promise<string>;
  concurrency?: number;
}

export interface SeedResult {
  pushed: string[];
  skipped: string[];
}

export async function seedRegistry(options: SeedOptions): Promise<SeedResult> {
  const result: SeedResult = { pushed: [], skipped: [] };
  const queue = options.images.filter((image) => image.format !== undefined);
  const worker = async (): Promise<void> => {
    for (let image = queue.shift(); image !== undefined; image = queue.shift()) {
      const reference = `${image.repository}:${image.tag}`;
      const wasPushed = await seedOne(options, image);
      (wasPushed ? result.pushed : result.skipped).push(reference);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 6 }, worker));
  return result;
}

async function seedOne(options: SeedOptions, image: SeedImage): Promise<boolean> {
  if (image.format === undefined) return false;
  const client = new RepositoryClient(options.url, options.agent, image.repository, await options.tokenFor(image.repository));
  if (await client.hasManifest(image.tag)) return false;
  await client.push(buildImage(image.repository, image.tag, image.format));
  return true;
}

/** Pushes one repository's images; an empty token sends no Authorization (a registry without auth). */
export class RepositoryClient {
  constructor(
    private readonly url: string,
    private readonly agent: Agent,
    private readonly repository: string,
    private readonly token: string,
  ) {}

  async hasManifest(tag: string): Promise<boolean> {
    const res = await this.send('HEAD', `/v2/${this.repository}/manifests/${tag}`, { Accept: MANIFEST_ACCEPT });
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    throw this.failure('HEAD manifest', res);
  }

  async push(image: BuiltImage): Promise<void> {
    for (const blob of image.blobs) {
      const started = await this.send('POST', `/v2/${this.repository}/blobs/uploads/`, { 'Content-Length': '0' });
      const location = headerValue(started.headers, 'location');
      if (started.status !== 202 || location === undefined) throw this.failure('POST blob upload', started);
      const target = new URL(location, this.url);
      target.searchParams.set('digest', blob.digest);
      const done = await this.send('PUT', target.pathname + target.search, { 'Content-Type': 'application/octet-stream' }, blob.data);
      if (done.status !== 201) throw this.failure(`PUT blob ${blob.digest}`, done);
    }
    for (const manifest of image.manifests) {
      const res = await this.send(
        'PUT',
        `/v2/${this.repository}/manifests/${manifest.reference}`,
        { 'Content-Type': manifest.mediaType },
        manifest.body,
      );
      if (res.status !== 201) throw this.failure(`PUT manifest ${manifest.reference}`, res);
    }
  }

  private send(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<HttpsResponse> {
    return httpsRequest(new URL(path, this.url), {
      method,
      agent: this.agent,
      headers: {
        ...headers,
        ...(this.token === '' ? {} : { Authorization: `Bearer ${this.token}` }),
        ...(body !== undefined ? { 'Content-Length': String(body.length) } : {}),
      },
      body,
    });
  }

  private failure(step: string, res: HttpsResponse): Error {
    return new Error(`seeding ${this.repository}: ${step} answered ${res.status}: ${res.body.toString('utf8').slice(0, 300)}`);
  }
}
