/*
 * One page of a grid read from VCD at a time: a new read cancels the one in flight, `loading` is
 * never left on, and a page read successfully clears the error. The query and the mapping of a
 * failure to the feature's error union stay with the feature.
 */
import { DestroyRef, WritableSignal, signal } from '@angular/core';
import { Observable, Subscription } from 'rxjs';
import { untilDestroyed } from '../rx';

export class PageReader<P, E> {
  readonly page: WritableSignal<P>;
  readonly loading: WritableSignal<boolean>;
  readonly error = signal<E | undefined>(undefined);
  private reading?: Subscription;

  constructor(
    empty: P,
    private readonly toError: (error: unknown) => E,
    private readonly destroyRef: DestroyRef,
    loading = false,
  ) {
    this.page = signal(empty);
    this.loading = signal(loading);
  }

  /** Reads `source` in place of any read in flight; `failed` runs before the error is shown. */
  read(source: Observable<P>, failed?: () => void): void {
    this.loading.set(true);
    this.reading?.unsubscribe();
    this.reading = source.pipe(untilDestroyed(this.destroyRef)).subscribe({
      next: (page) => {
        this.page.set(page);
        this.loading.set(false);
        this.error.set(undefined);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        failed?.();
        this.error.set(this.toError(error));
      },
    });
  }
}
