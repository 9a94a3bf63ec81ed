// How the Harbor façade reads the real registry, the way Harbor's core does: straight to the
// distribution registry (not through the front door), with an admin token it mints itself, over
// the plain /v2 API (`_catalog`, `tags/list`, manifests, config blobs). Manifests and blobs are
// addressed by digest, so they are cached; catalog and tags are asked every time.
import { Agent } from 'node:https';
import { MANIFEST_ACCEPT } from '../image-builder.js';
import { headerValue, httpsRequest, type HttpsResponse } from '../https-client.js';
import type { Upstream } from '../proxy.js';

/** A token with these scopes for the registry (the TokenIssuer, as the admin user). */
export type TokenMinter = (scopes: readonly string[]) => Promise<string>;

export interface ManifestHead {
  digest: string;
  mediaType: string;
}

export interface StoredManifest extends ManifestHead {
  body: Buffer;
  json: unknown;
}

/** Thrown when the registry cannot be asked; the façade answers 500 like Harbor's core would. */
export class RegistryUnavailable extends Error {}

const CATALOG_PAGE = 1000;

export class DistributionClient {
  private readonly agent: Agent;
  private readonly manifests = new Map<string, StoredManifest>();
  private readonly blobs = new Map<string, Buffer>();

  constructor(
    private readonly upstream: () => Upstream | undefined,
    caPem: string,
    private readonly mintToken: TokenMinter,
  ) {
    // The registry's certificate names localhost (an IP address cannot be an SNI name).
    this.agent = new Agent({ ca: caPem, keepAlive: true, maxSockets: 8, servername: 'localhost' });
  }

  close(): void {
    this.agent.destroy();
  }

  /** Every repository name of the registry (`_catalog`, following its Link pages). */
  async catalog(): Promise<string[]> {
    const token = await this.mintToken(['registry:catalog:*']);
    const names: string[] = [];
    let next: string | undefined = `/v2/_catalog?n=${CATALOG_PAGE}`;
    while (next) {
      const res = await this.send('GET', next, token);
      if (res.status !== 200) throw this.failure('_catalog', res);
      names.push(...((JSON.parse(res.body.toString('utf8')) as { repositories?: string[] }).repositories ?? []));
      next = /<([^>]+)>;\s*rel="next"/.exec(headerValue(res.headers, 'link') ?? '')?.[1];
    }
    return names;
  }

  /** The tags of a repository; none when the repository does not exist. */
  async tags(repository: string): Promise<string[]> {
    const res = await this.send('GET', `/v2/${repository}/tags/list`, await this.pullToken(repository));
    if (res.status === 404) return [];
    if (res.status !== 200) throw this.failure(`tags of ${repository}`, res);
    return (JSON.parse(res.body.toString('utf8')) as { tags?: string[] | null }).tags ?? [];
  }

  /** What a tag (or digest) points at, or undefined when it is not there. */
  async head(repository: string, reference: string): Promise<ManifestHead | undefined> {
    const res = await this.send('HEAD', `/v2/${repository}/manifests/${reference}`, await this.pullToken(repository), {
      Accept: MANIFEST_ACCEPT,
    });
    if (res.status === 404) return undefined;
    const digest = headerValue(res.headers, 'docker-content-digest');
    if (res.status !== 200 || !digest) throw this.failure(`HEAD ${repository}:${reference}`, res);
    return { digest, mediaType: headerValue(res.headers, 'content-type') ?? '' };
  }

  async manifest(repository: string, digest: string): Promise<StoredManifest> {
    const cached = this.manifests.get(`${repository}@${digest}`);
    if (cached) return cached;
    const res = await this.send('GET', `/v2/${repository}/manifests/${digest}`, await this.pullToken(repository), {
      Accept: MANIFEST_ACCEPT,
    });
    if (res.status !== 200) throw this.failure(`manifest ${repository}@${digest}`, res);
    const manifest: StoredManifest = {
      digest,
      mediaType: headerValue(res.headers, 'content-type') ?? '',
      body: res.body,
      json: JSON.parse(res.body.toString('utf8')) as unknown,
    };
    this.manifests.set(`${repository}@${digest}`, manifest);
    return manifest;
  }

  async blob(repository: string, digest: string): Promise<Buffer> {
    const cached = this.blobs.get(digest);
    if (cached) return cached;
    const res = await this.send('GET', `/v2/${repository}/blobs/${digest}`, await this.pullToken(repository));
    if (res.status !== 200) throw this.failure(`blob ${repository}@${digest}`, res);
    this.blobs.set(digest, res.body);
    return res.body;
  }

  private pullToken(repository: string): Promise<string> {
    return this.mintToken([`repository:${repository}:pull`]);
  }

  private async send(method: string, path: string, token: string, headers: Record<string, string> = {}): Promise<HttpsResponse> {
    const upstream = this.upstream();
    if (!upstream) throw new RegistryUnavailable('the registry is not running');
    try {
      return await httpsRequest(new URL(path, `https://${upstream.host}:${upstream.port}`), {
        method,
        agent: this.agent,
        headers: { ...headers, Authorization: `Bearer ${token}` },
      });
    } catch (error) {
      throw new RegistryUnavailable(
        `the registry did not answer ${method} ${path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private failure(what: string, res: HttpsResponse): RegistryUnavailable {
    return new RegistryUnavailable(`the registry answered ${res.status} for ${what}: ${res.body.toString('utf8').slice(0, 200)}`);
  }
}
