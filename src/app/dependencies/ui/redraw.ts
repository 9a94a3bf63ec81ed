/*
 * Shows a value at most once per interval, the newest one: the first at once, and one offered in
 * between when the interval is up. A check's progress moves ten times a second, but redrawing the
 * results datagrid that often (Clarity measures its columns at every change) holds up the answers
 * the check is waiting for; the grid is redrawn every ROWS_REDRAW_MS, and at once when the check ends.
 */
import { SchedulerLike, Subscription, asyncScheduler } from 'rxjs';

/** How often the results table is redrawn while a check runs. */
export const ROWS_REDRAW_MS = 500;

export class Redraw<T> {
  private shownAt = Number.NEGATIVE_INFINITY;
  private later?: Subscription;

  constructor(
    private readonly show: (value: T) => void,
    private readonly intervalMs: number = ROWS_REDRAW_MS,
    private readonly scheduler: SchedulerLike = asyncScheduler,
  ) {}

  /** Shows `value` now when `now` is set or the interval is up, else when it is (unless a newer value comes first). */
  offer(value: T, now = false): void {
    this.cancel();
    const wait = this.shownAt + this.intervalMs - this.scheduler.now();
    if (now || wait <= 0) {
      this.showNow(value);
      return;
    }
    this.later = this.scheduler.schedule(() => this.showNow(value), wait);
  }

  /** Drops a value waiting to be shown. */
  cancel(): void {
    this.later?.unsubscribe();
    this.later = undefined;
  }

  private showNow(value: T): void {
    this.later = undefined;
    this.shownAt = this.scheduler.now();
    this.show(value);
  }
}
