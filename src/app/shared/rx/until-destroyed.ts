/*
 * takeUntilDestroyed without '@angular/core/rxjs-interop': VCD 10.6 documents @angular/core,
 * common, forms, router… as shared modules, not that secondary entry point, and a bundle that
 * requires an unregistered module fails to load. Same contract as Angular's operator.
 */
import { DestroyRef, inject } from '@angular/core';
import { MonoTypeOperatorFunction, Observable, takeUntil } from 'rxjs';

export function untilDestroyed<T>(destroyRef: DestroyRef = inject(DestroyRef)): MonoTypeOperatorFunction<T> {
  const destroyed$ = new Observable<void>((subscriber) => destroyRef.onDestroy(() => subscriber.next()));
  return (source) => source.pipe(takeUntil(destroyed$));
}
