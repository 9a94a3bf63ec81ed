/*
 * Runs a presence checker over result rows: the rows chosen are set pending, then each answer
 * replaces its row, and the last update says how the check ended. One mechanism for the Airgap
 * tab, the organizations' checks and the tenant's re-run.
 */
import { Observable, scan } from 'rxjs';
import { CheckOptions, ImageToCheck, PresenceChecker } from '../../data/presence-check';
import { CheckOutcome } from './check-record';
import { ResultRow, imageToCheckOf, withResult } from './result-rows';

export interface RowCheckUpdate {
  readonly rows: readonly ResultRow[];
  readonly done: number;
  readonly total: number;
  /** Set on the last update only. */
  readonly outcome?: CheckOutcome;
}

/** The rows as they stand before the check: those to check pending, the rest as they were. */
export function pendingRows(rows: readonly ResultRow[], images: readonly ImageToCheck[]): ResultRow[] {
  const waiting = new Set(images.map((image) => image.id));
  return rows.map((row) =>
    waiting.has(row.id) ? { id: row.id, status: 'pending', source: row.source, destination: row.destination, group: row.group } : row,
  );
}

/** The images to ask the checker for: the chosen rows that map to a checkable reference. */
export function imagesOf(rows: readonly ResultRow[], shouldCheck: (row: ResultRow) => boolean = () => true): ImageToCheck[] {
  return rows.flatMap((row): ImageToCheck[] => {
    const image = shouldCheck(row) ? imageToCheckOf(row) : undefined;
    return image ? [image] : [];
  });
}

/**
 * Checks `images` (ids of `rows`) and emits the rows after every answer. A checker that fails
 * outright ends the stream with an error; the caller keeps the last rows it saw (partial).
 */
export function checkRows(
  checker: PresenceChecker,
  rows: readonly ResultRow[],
  images: readonly ImageToCheck[],
  options: CheckOptions,
): Observable<RowCheckUpdate> {
  const start: RowCheckUpdate = { rows: pendingRows(rows, images), done: 0, total: images.length };
  return checker.check(images, options).pipe(
    scan((state: RowCheckUpdate, event): RowCheckUpdate => {
      if (event.type === 'result') {
        const { result } = event;
        return { ...state, rows: state.rows.map((row) => (row.id === result.image.id ? withResult(row, result) : row)) };
      }
      if (event.type === 'progress') return { ...state, done: event.done, total: event.total };
      return { ...state, outcome: event.cancelled ? 'cancelled' : event.partial ? 'partial' : 'done' };
    }, start),
  );
}
