// What Harbor's database knows about the registry's content, for the listings: the tags of each
// repository and what each points at, and every manifest pushed. Harbor's core records a push as
// it passes; here the front door's proxy reports every manifest the registry stored, body included
// (`recordPush`), so listing a repository reads memory instead of asking the registry for its
// catalog, tags and manifests every time. `load()` reads the registry once at start-up, for what
// was pushed before (a sandbox restarted on its old storage). Config blobs are read once each.
import type { DistributionClient, StoredManifest } from './distribution-client.js';

const DIGEST = /^sha256:[0-9a-f]{64}$/;

export interface PushedManifest {
  body: Buffer;
  mediaType: string;
}

export class HarborIndex {
  /** repository → tag → digest, in push order. */
  private readonly tagsByRepository = new Map<string, Map<string, string>>();
  /** `<repository>@<digest>` → the manifest. */
  private readonly manifests = new Map<string, StoredManifest>();
  /** Config blobs by digest (content-addressed: read once). */
  private readonly blobs = new Map<string, Promise<Buffer>>();

  constructor(private readonly client: DistributionClient) {}

  /** A manifest the registry accepted (`PUT /v2/<repository>/manifests/<reference>` → 201). */
  recordPush(repository: string, reference: string, digest: string, pushed?: PushedManifest): void {
    const tags = this.tagsOf(repository);
    if (pushed) {
      const manifest = storedManifest(digest, pushed);
      this.manifests.set(`${repository}@${digest}`, manifest);
      // Harbor's core reads an image's config as the push passes (its abstractor fills extra_attrs
      // then): read it now, in the background, not during the first listing that shows it.
      const config = configDigest(manifest);
      if (config) void this.blob(repository, config);
    }
    if (!DIGEST.test(reference)) tags.set(reference, digest);
  }

  /** Reads what the registry already holds; what a push recorded meanwhile is newer and is kept. */
  async load(): Promise<void> {
    const names = await this.client.catalog();
    await Promise.all(
      names.map(async (repository) => {
        const found = await Promise.all(
          (await this.client.tags(repository)).map(async (tag) => ({ tag, head: await this.client.head(repository, tag) })),
        );
        const tags = this.tagsOf(repository);
        for (const { tag, head } of found) if (head && !tags.has(tag)) tags.set(tag, head.digest);
      }),
    );
  }

  /** Repositories holding at least one tag. */
  repositoryNames(): string[] {
    return [...this.tagsByRepository].filter(([, tags]) => tags.size > 0).map(([name]) => name);
  }

  tags(repository: string): string[] {
    return [...(this.tagsByRepository.get(repository)?.keys() ?? [])];
  }

  /** The digest a tag points at, or the digest itself when the repository holds that manifest. */
  digestOf(repository: string, reference: string): string | undefined {
    if (!DIGEST.test(reference)) return this.tagsByRepository.get(repository)?.get(reference);
    const tagged = [...(this.tagsByRepository.get(repository)?.values() ?? [])].includes(reference);
    return tagged || this.manifests.has(`${repository}@${reference}`) ? reference : undefined;
  }

  /** Pushed manifests come from memory; one pushed before start-up is read once and kept. */
  async manifest(repository: string, digest: string): Promise<StoredManifest> {
    const known = this.manifests.get(`${repository}@${digest}`);
    if (known) return known;
    const read = await this.client.manifest(repository, digest);
    this.manifests.set(`${repository}@${digest}`, read);
    return read;
  }

  blob(repository: string, digest: string): Promise<Buffer> {
    let blob = this.blobs.get(digest);
    if (!blob) {
      blob = this.client.blob(repository, digest);
      blob.catch(() => this.blobs.delete(digest));
      this.blobs.set(digest, blob);
    }
    return blob;
  }

  private tagsOf(repository: string): Map<string, string> {
    let tags = this.tagsByRepository.get(repository);
    if (!tags) {
      tags = new Map();
      this.tagsByRepository.set(repository, tags);
    }
    return tags;
  }
}

function configDigest(manifest: StoredManifest): string | undefined {
  const digest = (manifest.json as { config?: { digest?: unknown } } | undefined)?.config?.digest;
  return typeof digest === 'string' && DIGEST.test(digest) ? digest : undefined;
}

function storedManifest(digest: string, pushed: PushedManifest): StoredManifest {
  let json: unknown;
  try {
    json = JSON.parse(pushed.body.toString('utf8')) as unknown;
  } catch {
    json = undefined;
  }
  const declared = (json as { mediaType?: unknown } | undefined)?.mediaType;
  return { digest, mediaType: typeof declared === 'string' ? declared : pushed.mediaType, body: pushed.body, json };
}
