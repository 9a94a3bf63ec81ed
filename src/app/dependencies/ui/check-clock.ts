/* The seconds a check has been running, ticking once a second while it runs. */
import { DestroyRef, NgZone, signal } from '@angular/core';
import { Subscription, interval } from 'rxjs';
import { untilDestroyed } from '../../shared/rx/until-destroyed';

export class CheckClock {
  readonly seconds = signal(0);
  private startedAt = 0;
  private ticking?: Subscription;

  constructor(
    private readonly zone: NgZone,
    private readonly destroyRef: DestroyRef,
  ) {}

  get elapsedMs(): number {
    return Date.now() - this.startedAt;
  }

  start(): void {
    this.startedAt = Date.now();
    this.seconds.set(0);
    this.ticking?.unsubscribe();
    // Outside the zone: a ticking clock must not keep the page "unstable" (tests, host tooling).
    this.ticking = this.zone.runOutsideAngular(() =>
      interval(1000)
        .pipe(untilDestroyed(this.destroyRef))
        .subscribe(() => this.zone.run(() => this.seconds.set(Math.round(this.elapsedMs / 1000)))),
    );
  }

  stop(): void {
    this.ticking?.unsubscribe();
    this.seconds.set(Math.round(this.elapsedMs / 1000));
  }
}
