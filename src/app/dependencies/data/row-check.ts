/*
 * Runs a presence checker over result rows: the rows chosen are set pending, then each answer
 * replaces its row, and the last update says how the check ended. One mechanism for the Airgap
 * tab, the organizations' checks and the tenant's re-run.
 *
 * Answers arrive one network task at a time, hundreds per second at the end of a large check.
 * Each update makes the page recount, refilter and redraw every row, so emitting one per answer
 * costs time quadratic in the rows and kept the last row waiting long after the last answer
 * (1,000 images: seconds). Updates are therefore coalesced: at most one per UPDATE_INTERVAL_MS
 * while the check runs, and the last one as soon as the checker is done, whatever the interval.
 */
import { Observable, SchedulerLike, Subscription, asyncScheduler } from 'rxjs';
import { CheckOutcome, ResultRow, pendingRows, withResult } from '../domain';
import { CheckOptions, ImageToCheck, PresenceChecker } from './presence-check';

export interface RowCheckUpdate {
  readonly rows: readonly ResultRow[];
  readonly done: number;
  readonly total: number;
  /** Set on the last update only. */
  readonly outcome?: CheckOutcome;
}

/** Shortest time between two updates while a check runs: ten a second keep a progress bar moving. */
export const UPDATE_INTERVAL_MS = 100;

/**
 * Checks `images` (ids of `rows`) and emits the rows as answers arrive, coalesced (see above). A
 * checker that fails outright ends the stream with an error, after the rows answered so far; the
 * caller keeps the last rows it saw (partial). `scheduler` times the coalescing (specs pass a
 * virtual one).
 */
export function checkRows(
  checker: PresenceChecker,
  rows: readonly ResultRow[],
  images: readonly ImageToCheck[],
  options: CheckOptions,
  scheduler: SchedulerLike = asyncScheduler,
): Observable<RowCheckUpdate> {
  return new Observable<RowCheckUpdate>((subscriber) => {
    // Answers replace rows in place here; each update hands out a copy.
    const working = pendingRows(rows, images);
    const positions = positionsById(working);
    let done = 0;
    let total = images.length;
    let changed = false;
    let lastEmittedAt = Number.NEGATIVE_INFINITY;
    let pending: Subscription | undefined;

    const emit = (outcome?: CheckOutcome): void => {
      pending?.unsubscribe();
      pending = undefined;
      changed = false;
      lastEmittedAt = scheduler.now();
      subscriber.next({ rows: [...working], done, total, ...(outcome ? { outcome } : {}) });
    };
    const emitSoon = (): void => {
      changed = true;
      if (pending) return;
      // Never at once: a result and its progress event, or a burst of answers, make one update.
      pending = scheduler.schedule(() => emit(), Math.max(0, lastEmittedAt + UPDATE_INTERVAL_MS - scheduler.now()));
    };

    const checking = checker.check(images, options).subscribe({
      next: (event) => {
        if (event.type === 'result') {
          const { result } = event;
          for (const at of positions.get(result.image.id) ?? []) working[at] = withResult(working[at] as ResultRow, result);
          emitSoon();
        } else if (event.type === 'progress') {
          done = event.done;
          total = event.total;
          emitSoon();
        } else {
          emit(event.cancelled ? 'cancelled' : event.partial ? 'partial' : 'done');
        }
      },
      error: (error: unknown) => {
        if (changed) emit();
        subscriber.error(error);
      },
      complete: () => {
        if (changed) emit();
        subscriber.complete();
      },
    });
    return () => {
      pending?.unsubscribe();
      checking.unsubscribe();
    };
  });
}

/** Where each id sits in `rows` (an id on several rows: every one of them takes the answer). */
function positionsById(rows: readonly ResultRow[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  rows.forEach((row, at) => {
    const known = positions.get(row.id);
    if (known) known.push(at);
    else positions.set(row.id, [at]);
  });
  return positions;
}
