/* Whole seconds since a start, ticking once a second outside Angular's zone while it runs. */
import { DestroyRef, NgZone, inject, signal } from '@angular/core';
import { Subscription, interval } from 'rxjs';

export class ElapsedClock {
  private readonly zone = inject(NgZone);
  private ticking?: Subscription;
  private startedAt = 0;
  readonly seconds = signal(0);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  start(): void {
    this.stop();
    this.startedAt = Date.now();
    this.seconds.set(0);
    // Outside the zone: a ticking clock must not keep the page "unstable" (tests, host tooling).
    this.ticking = this.zone.runOutsideAngular(() => interval(1000).subscribe(() => this.zone.run(() => this.tick())));
  }

  stop(): void {
    if (!this.ticking) return;
    this.ticking.unsubscribe();
    this.ticking = undefined;
    this.tick();
  }

  private tick(): void {
    this.seconds.set(Math.round((Date.now() - this.startedAt) / 1000));
  }
}
