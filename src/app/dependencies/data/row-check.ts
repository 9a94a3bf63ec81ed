/*
 * Runs a presence checker over result rows: the rows chosen are set pending, then each answer
 * replaces its row, and the last update says how the check ended. One mechanism for the Airgap
 * tab, the organizations' checks and the tenant's re-run.
 */
import { Observable, scan } from 'rxjs';
import { CheckOutcome, ResultRow, pendingRows, withResult } from '../domain';
import { CheckOptions, ImageToCheck, PresenceChecker } from './presence-check';

export interface RowCheckUpdate {
  readonly rows: readonly ResultRow[];
  readonly done: number;
  readonly total: number;
  /** Set on the last update only. */
  readonly outcome?: CheckOutcome;
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
