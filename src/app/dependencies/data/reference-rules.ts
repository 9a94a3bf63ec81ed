/*
 * The small, pure rules both strategies share: what a valid repository and reference look like
 * (nothing else is ever put in a URL), which tag is a near miss, where else a repository of the
 * same name lives, and whether a media type is an index.
 */
import { nearMissTags } from '../domain/near-miss';
import { ImageToCheck, ManifestKind, PresenceResult } from './presence-check';

// The OCI distribution spec's name and reference grammars.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

const REPOSITORY_MAX_LENGTH = 255;

export function isDigest(reference: string): boolean {
  return DIGEST.test(reference);
}

/** Valid per the OCI grammar and under a project (Harbor's repositories always are). */
export function isCheckableImage(image: ImageToCheck): boolean {
  return (
    image.repository.length <= REPOSITORY_MAX_LENGTH &&
    REPOSITORY.test(image.repository) &&
    image.repository.includes('/') &&
    (TAG.test(image.reference) || isDigest(image.reference))
  );
}

export function projectOf(repository: string): string {
  return repository.split('/')[0] ?? repository;
}

/**
 * The existing tag a user most likely meant (the domain's near-miss rule: a leading `v`, case,
 * `+`/`_`, or the same version with another build suffix); the first in sort order if several do.
 */
export function findNearMiss(wanted: string, existing: readonly string[]): string | undefined {
  return isDigest(wanted) ? undefined : nearMissTags(wanted, [...existing].sort())[0];
}

function lastSegment(repository: string): string {
  return repository.slice(repository.lastIndexOf('/') + 1);
}

/** Other repositories whose last path segment is the same: `cse/cloud-provider` for `cse/vmware-cloud-director/cloud-provider`. */
export function findElsewhere(repository: string, known: Iterable<string>): string[] {
  const name = lastSegment(repository);
  return [...new Set(known)].filter((candidate) => candidate !== repository && lastSegment(candidate) === name).sort();
}

const INDEX_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

/** `application/vnd.oci.image.index.v1+json; charset=…` → the bare media type. */
export function bareMediaType(contentType: string | null | undefined): string | undefined {
  const bare = contentType?.split(';')[0]?.trim();
  return bare ? bare : undefined;
}

export function manifestKindOf(mediaType: string | undefined): ManifestKind {
  return mediaType !== undefined && INDEX_MEDIA_TYPES.has(mediaType) ? 'index' : 'manifest';
}

export function presentResult(
  image: ImageToCheck,
  digest: string | null | undefined,
  mediaType: string | null | undefined,
): PresenceResult {
  const bare = bareMediaType(mediaType);
  return {
    status: 'present',
    image,
    manifestKind: manifestKindOf(bare),
    ...(digest ? { digest } : {}),
    ...(bare ? { mediaType: bare } : {}),
  };
}

/** The repository exists but not this reference: say which tags it has and whether one is a near miss. */
export function missingResult(image: ImageToCheck, existingTags: readonly string[] | undefined): PresenceResult {
  if (existingTags === undefined) return { status: 'missing', image };
  const nearMiss = findNearMiss(image.reference, existingTags);
  return { status: 'missing', image, existingTags: [...new Set(existingTags)].sort(), ...(nearMiss ? { nearMiss } : {}) };
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
