// The per-repository floor of a Harbor check, in round trips: the project and the first page of
// the repository list leave together; each artifact listing may leave once a page has named its
// repository, so the listings overlap the list's later pages (the plug-in sends them so:
// docs/architecture.md, "Requests a check sends"). The repositories of the last page still need
// one round trip after it: max(pages + 1, 1 + ceil(listings / c)).

export function harborFloorMs(listings: number, repositoryPages: number, concurrency: number, rttMs: number): number {
  const pages = Math.max(1, repositoryPages);
  if (listings === 0) return pages * rttMs;
  return Math.max(pages + 1, 1 + Math.ceil(listings / concurrency)) * rttMs;
}

export const HARBOR_FLOOR_TEXT =
  'max(pages of the repository list + 1, 1 + ceil(artifact listings / c)) round trips: the listings overlap the later pages';
