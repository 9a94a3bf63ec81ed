/*
 * What the OCI checker asks, and when. A tag list answers for every tag of a repository, so the
 * least a presence check needs is one request per repository (plus token round trips): the list
 * decides every tag reference it can, and a HEAD is sent only for what a list cannot tell — a
 * digest-pinned reference, a repository whose list is unreadable or too long to page through, or
 * a digest the user asked for (`withDigests`: opening a row, exporting with digests).
 */
import { CheckFailure, ImageToCheck, PresenceResult } from './presence-check';
import { isDigest, missingResult } from './reference-rules';

export type TagListing =
  /** `complete`: every page was read (false when the page cap stopped the walk). */
  | { readonly kind: 'tags'; readonly tags: readonly string[]; readonly complete: boolean }
  | { readonly kind: 'noRepository' }
  /** The registry did not answer the list (after retries): the same failure a HEAD would have met. */
  | { readonly kind: 'failed'; readonly failure: CheckFailure }
  /** Answered, but not with a list (refused, an unexpected status or body): a HEAD may still tell. */
  | { readonly kind: 'unknown' };

/** What the plan needs from the checker: its pool, the (shared, once per repository) tag list, and a HEAD. */
export interface OciPrimitives {
  forEach<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void>;
  tagsOf(repository: string): Promise<TagListing>;
  /** `HEAD …/manifests/<reference>`; after a 404 the tag list tells a missing tag from a missing repository. */
  checkByHead(image: ImageToCheck): Promise<PresenceResult>;
  /** Reports one image (a failure thrown by `work` becomes its error result). */
  settle(image: ImageToCheck, work: () => Promise<PresenceResult>): Promise<void>;
}

/**
 * The answer a tag list gives for `image`, or undefined when it cannot give one. A listed tag is
 * present (its digest is not known: no HEAD was sent); an unlisted one is missing only when the
 * list is complete.
 */
export function decideFromListing(image: ImageToCheck, listing: TagListing): PresenceResult | undefined {
  if (isDigest(image.reference) || listing.kind === 'unknown') return undefined;
  if (listing.kind === 'failed') return { status: 'error', image, failure: listing.failure };
  if (listing.kind === 'noRepository') return { status: 'repositoryMissing', image };
  if (listing.tags.includes(image.reference)) return { status: 'present', image };
  return listing.complete ? missingResult(image, listing.tags) : undefined;
}

function byRepository(images: readonly ImageToCheck[]): Map<string, ImageToCheck[]> {
  const groups = new Map<string, ImageToCheck[]>();
  for (const image of images) groups.set(image.repository, [...(groups.get(image.repository) ?? []), image]);
  return groups;
}

type Step = { readonly list: string; readonly images: readonly ImageToCheck[] } | { readonly head: ImageToCheck };

/** One tag list per repository (digest-pinned images HEADed alongside), then a HEAD for what the lists left open. */
export async function checkPerRepository(images: readonly ImageToCheck[], primitives: OciPrimitives): Promise<void> {
  const tagged = byRepository(images.filter((image) => !isDigest(image.reference)));
  const steps: Step[] = [
    ...[...tagged].map(([list, repositoryImages]) => ({ list, images: repositoryImages })),
    ...images.filter((image) => isDigest(image.reference)).map((head) => ({ head })),
  ];
  const open: ImageToCheck[] = [];
  await primitives.forEach(steps, async (step) => {
    if ('head' in step) return primitives.settle(step.head, () => primitives.checkByHead(step.head));
    const listing = await primitives.tagsOf(step.list).catch((): TagListing => ({ kind: 'unknown' }));
    for (const image of step.images) {
      const decided = decideFromListing(image, listing);
      if (decided) await primitives.settle(image, async () => decided);
      else open.push(image);
    }
  });
  await primitives.forEach(open, (image) => primitives.settle(image, () => primitives.checkByHead(image)));
}

/**
 * From this many images in one repository, its tag list is read first even when every present
 * image is HEADed for its digest: an unlisted tag is missing without a HEAD.
 */
export const TAGS_FIRST_MIN_IMAGES = 3;

/** Every image HEADed for its digest and media type; crowded repositories' lists read first to skip the missing tags. */
export async function checkEveryDigest(images: readonly ImageToCheck[], primitives: OciPrimitives): Promise<void> {
  const crowded = [...byRepository(images)].filter(([, group]) => group.length >= TAGS_FIRST_MIN_IMAGES).map(([repository]) => repository);
  // Read those lists before any HEAD, all in parallel: waiting for them image by image would idle the other slots.
  await primitives.forEach(crowded, async (repository) => {
    await primitives.tagsOf(repository).catch(() => undefined);
  });
  await primitives.forEach(images, async (image) => {
    const listing = crowded.includes(image.repository) ? await primitives.tagsOf(image.repository).catch(() => undefined) : undefined;
    const decided = listing ? decideFromListing(image, listing) : undefined;
    // A listed tag still needs its HEAD (the digest is what was asked for); so does one the list could not answer.
    const isAbsent = decided?.status === 'missing' || decided?.status === 'repositoryMissing';
    await primitives.settle(image, () => (decided && isAbsent ? Promise.resolve(decided) : primitives.checkByHead(image)));
  });
}
