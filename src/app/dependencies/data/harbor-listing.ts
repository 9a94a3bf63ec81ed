/*
 * Harbor v2.0 REST, the part presence needs: URLs (a repository name encoded twice — Harbor's
 * nginx decodes the path once before core routes it), what the project, repository and artifact
 * answers mean, and how an artifact list decides each image.
 */
import { ImageToCheck, PresenceResult } from './presence-check';
import { isDigest, missingResult, parseJson, presentResult } from './reference-rules';

/** Harbor's maximum; above it Harbor answers 422. */
export const HARBOR_PAGE_SIZE = 100;

export interface HarborArtifact {
  readonly digest: string;
  readonly manifestMediaType?: string;
  readonly tags: readonly string[];
}

export function projectUrl(base: string, project: string): string {
  return `${base}/api/v2.0/projects/${encodeURIComponent(project)}`;
}

export function repositoriesUrl(base: string, project: string, page: number): string {
  return `${projectUrl(base, project)}/repositories?page=${page}&page_size=${HARBOR_PAGE_SIZE}`;
}

/** `name` without the project: `tkg/kube-proxy` → `…/repositories/tkg%252Fkube-proxy/artifacts…`. */
export function artifactsUrl(base: string, project: string, name: string, page: number): string {
  const encodedTwice = encodeURIComponent(encodeURIComponent(name));
  return `${projectUrl(base, project)}/repositories/${encodedTwice}/artifacts?with_tag=true&page=${page}&page_size=${HARBOR_PAGE_SIZE}`;
}

/** One artifact by tag or digest: what a listing too long to read whole falls back to, image by image. */
export function artifactUrl(base: string, project: string, name: string, reference: string): string {
  const encodedTwice = encodeURIComponent(encodeURIComponent(name));
  return `${projectUrl(base, project)}/repositories/${encodedTwice}/artifacts/${encodeURIComponent(reference)}?with_tag=true`;
}

/**
 * Whether to ask for the page after one of `pageLength` items, `read` items in all so far. The
 * pages decide: a short or empty page is the last. `X-Total-Count` may end a listing sooner (all
 * it counts is read), never make it longer: a count of 10^12 or a full page every time only runs
 * into the caller's cap (MAX_LISTING_PAGES). Harbor's `Link` is not followed: it carries the
 * repository name encoded once, which its own nginx then turns into extra path segments (404).
 */
export function hasNextPage(pageLength: number, read: number, totalCountHeader: string | null): boolean {
  if (pageLength < HARBOR_PAGE_SIZE) return false;
  const total = totalCountHeader === null || totalCountHeader.trim() === '' ? Number.NaN : Number(totalCountHeader);
  return !(Number.isFinite(total) && total >= 0 && read >= total);
}

/** `metadata.public` is a string, `"true"` or `"false"`; anything but `"true"` is private. */
export function readIsPublic(body: string): boolean | undefined {
  const project = parseJson(body) as { metadata?: { public?: unknown } } | undefined;
  if (typeof project !== 'object' || project === null) return undefined;
  return project.metadata?.public === 'true' || project.metadata?.public === true;
}

/** Full repository names (`cse/tkg/kube-proxy`) from one page of the repository list; undefined if not a list. */
export function readRepositoryNames(body: string): string[] | undefined {
  const list = parseJson(body);
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((repository: unknown) => {
    const name = (repository as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? [name] : [];
  });
}

export function readArtifacts(body: string): HarborArtifact[] | undefined {
  const list = parseJson(body);
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((item: unknown): HarborArtifact[] => {
    const artifact = toArtifact(item);
    return artifact ? [artifact] : [];
  });
}

/** The one artifact of `GET …/artifacts/{reference}`; undefined if the body is not one. */
export function readArtifact(body: string): HarborArtifact | undefined {
  return toArtifact(parseJson(body));
}

function toArtifact(item: unknown): HarborArtifact | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as { digest?: unknown; manifest_media_type?: unknown; tags?: unknown };
  if (typeof record.digest !== 'string') return undefined;
  const tags = Array.isArray(record.tags) ? record.tags : [];
  return {
    digest: record.digest,
    ...(typeof record.manifest_media_type === 'string' ? { manifestMediaType: record.manifest_media_type } : {}),
    tags: tags.flatMap((tag: unknown) => {
      const name = (tag as { name?: unknown } | null)?.name;
      return typeof name === 'string' ? [name] : [];
    }),
  };
}

function findArtifact(reference: string, artifacts: readonly HarborArtifact[]): HarborArtifact | undefined {
  return isDigest(reference)
    ? artifacts.find((artifact) => artifact.digest === reference)
    : artifacts.find((artifact) => artifact.tags.includes(reference));
}

export function hasEveryReference(images: readonly ImageToCheck[], artifacts: readonly HarborArtifact[]): boolean {
  return images.every((image) => findArtifact(image.reference, artifacts) !== undefined);
}

/** Present (an artifact carries the tag or has the digest) or missing (with the tags that do exist). */
export function resultFromArtifacts(image: ImageToCheck, artifacts: readonly HarborArtifact[]): PresenceResult {
  const artifact = findArtifact(image.reference, artifacts);
  if (artifact) return presentResult(image, artifact.digest, artifact.manifestMediaType);
  return missingResult(
    image,
    artifacts.flatMap((candidate) => candidate.tags),
  );
}
