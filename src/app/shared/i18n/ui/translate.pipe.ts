/*
 * `'key' | translate` and `'key' | translate: { name: value }`. Impure, as the VCD SDK's pipe was: it keeps
 * the last key and parameters and formats again only when they change, and it marks the view for
 * check when the translations arrive (they are fetched after the first render).
 */
import { ChangeDetectorRef, OnDestroy, Pipe, PipeTransform, inject } from '@angular/core';
import { Subscription, take } from 'rxjs';
import { TranslationService } from '../data/translation.service';

@Pipe({ name: 'translate', pure: false })
export class TranslatePipe implements PipeTransform, OnDestroy {
  private readonly translations = inject(TranslationService);
  private readonly changeDetector = inject(ChangeDetectorRef);
  private value = '';
  private lastKey = '';
  private lastParams: readonly unknown[] = [];
  private pending: Subscription | null = null;

  transform(key: string, ...params: unknown[]): string {
    const args = Array.isArray(params[0]) ? (params[0] as unknown[]) : params;
    if (!key) return key;
    if (key === this.lastKey && JSON.stringify(args) === JSON.stringify(this.lastParams)) return this.value;
    this.lastKey = key;
    this.lastParams = args;
    this.pending?.unsubscribe();
    this.pending = this.translations
      .translateAsync(key, args)
      .pipe(take(1))
      .subscribe((text) => {
        this.value = text;
        this.changeDetector.markForCheck();
      });
    return this.value;
  }

  ngOnDestroy(): void {
    this.pending?.unsubscribe();
  }
}
