// The per-repository floor of a Harbor check, in round trips. The project and the first page of
// the repository list leave together; page k+1 leaves when page k answers; each artifact listing
// may leave once the page that names its repository has answered (the plug-in sends them so:
// docs/architecture.md, "Requests a check sends"), `concurrency` requests in flight at most, pages
// included. Every request costs one round trip; listing them in the order they become possible is
// the shortest schedule for requests of equal length. Which page names which repository depends
// on the registry's order (the sandbox, like Harbor, lists the newest first), so the bench reads it.

/** Round trips at least; `namedOnPage`: per listing, the page that named its repository (0: none, listed after the list). */
export function harborFloorRtts(namedOnPage: readonly number[], pages: number, concurrency: number): number {
  const last = Math.max(1, pages);
  // [ready at, is a page]: page k (k ≥ 2) is ready when page k − 1 answers, at k − 1.
  const requests: [number, boolean][] = [
    ...Array.from({ length: last - 1 }, (_, index): [number, boolean] => [index + 1, true]),
    ...namedOnPage.map((page): [number, boolean] => [page >= 1 ? Math.min(page, last) : last, false]),
  ].sort((a, b) => a[0] - b[0] || Number(b[1]) - Number(a[1]));
  // The project and the first page hold two slots during the first round trip.
  const freeAt: number[] = Array.from({ length: Math.max(1, concurrency) }, (_, slot) => (slot < 2 ? 1 : 0));
  let end = 1;
  for (const [ready] of requests) {
    let slot = 0;
    for (let other = 1; other < freeAt.length; other++) if ((freeAt[other] ?? 0) < (freeAt[slot] ?? 0)) slot = other;
    const start = Math.max(ready, freeAt[slot] ?? 0);
    freeAt[slot] = start + 1;
    end = Math.max(end, start + 1);
  }
  return end;
}

/** `cse/tkg/etcd` → the page of the list that names it, read from the registry after the check (page size 100, as the plug-in asks). */
export async function pagesNaming(
  getJson: (path: string) => Promise<unknown>,
  project: string,
  pages: number,
): Promise<Map<string, number>> {
  const named = new Map<string, number>();
  for (let page = 1; page <= pages; page++) {
    const list = await getJson(`/api/v2.0/projects/${project}/repositories?page=${page}&page_size=100`);
    if (!Array.isArray(list)) throw new Error(`floor: page ${page} of ${project}'s repositories is not a list`);
    for (const repository of list as { name?: unknown }[]) if (typeof repository.name === 'string') named.set(repository.name, page);
  }
  return named;
}

/** `…/projects/cse/repositories/tkg%252Fetcd/artifacts?…` → `cse/tkg/etcd`. */
export function listedRepository(path: string): string {
  const match = /\/projects\/([^/]+)\/repositories\/([^/?]+)\/artifacts/.exec(path);
  if (!match) throw new Error(`floor: ${path} is no artifact listing`);
  return `${match[1]}/${decodeURIComponent(decodeURIComponent(match[2] ?? ''))}`;
}

export const HARBOR_FLOOR_TEXT =
  'round trips if every request took one: project + first page together, each next page after the one before, each listing once a page has named its repository, c at a time';
