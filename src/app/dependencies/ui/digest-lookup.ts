/*
 * Digests on demand. A check decides presence from one tag list per repository, which names tags
 * but not their digests; a user who wants a digest (opening a row, or adding digests to the
 * exports) gets it from one HEAD per image, asked for only then.
 */
import { Observable, filter, map } from 'rxjs';
import { CheckOptions, PresenceChecker, PresenceResult } from '../data/presence-check';
import { ResultRow, withResult } from './export/result-rows';
import { imagesOf } from './export/row-check';

/** Present rows whose digest is not known yet. */
export function rowsWithoutDigest(rows: readonly ResultRow[]): ResultRow[] {
  return rows.filter((row) => row.status === 'present' && row.detail?.code !== 'digest' && imagesOf([row]).length === 1);
}

/** The results for `ids` with their digests (a row may also turn out gone since the check). */
export function lookUpDigests(
  checker: PresenceChecker,
  rows: readonly ResultRow[],
  ids: readonly string[],
  options: CheckOptions,
): Observable<PresenceResult> {
  const wanted = new Set(ids);
  return checker
    .check(
      imagesOf(rows, (row) => wanted.has(row.id)),
      { ...options, withDigests: true },
    )
    .pipe(
      filter((event) => event.type === 'result'),
      map((event) => (event as Extract<typeof event, { type: 'result' }>).result),
    );
}

/** `rows` with each answered row replaced. */
export function withDigest(rows: readonly ResultRow[], result: PresenceResult): ResultRow[] {
  return rows.map((row) => (row.id === result.image.id ? withResult(row, result) : row));
}
