/*
 * Checking one or many organizations from the Organizations tab: one run at a time, its overall
 * progress as a signal, cancellable. Gathers what every organization's check needs: the CSE release
 * and its TKRs from the configuration, who checks, and VCD's public address (a tenant cannot read
 * that himself, so it is stored with each check).
 */
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Subject } from 'rxjs';
import { supportedTkrs, preselectCseRelease, readConfiguredVersions } from '../../dependencies/domain';
import { PublicEndpointService } from '../../readiness';
import { CseConfigDocument } from '../../shared/cse-config';
import { untilDestroyed } from '../../shared/rx';
import { PublicEndpointFacts } from '../../shared/status-store/domain';
import { OrgCheckContext, OrgCheckService } from '../data/org-check.service';
import { BulkRun, advanceBulkRun, cancelBulkRun, finishBulkRun, isBulkRunning, startBulkRun } from '../domain/bulk-run';
import { OrgSummary } from '../domain/org-row';

export interface OrgCheckRunListener {
  /** One organization's check failed. */
  readonly failed: (org: OrgSummary, error: unknown) => void;
  /** Every organization was checked, or the run was cancelled. */
  readonly finished: () => void;
}

@Injectable()
export class OrgCheckRun {
  private readonly checks = inject(OrgCheckService);
  private readonly destroyRef = inject(DestroyRef);
  private cancel$ = new Subject<void>();
  private endpointFacts?: PublicEndpointFacts;

  readonly run = signal<BulkRun | undefined>(undefined);
  readonly isRunning = computed(() => isBulkRunning(this.run()));

  constructor() {
    inject(PublicEndpointService)
      .read()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe((facts) => (this.endpointFacts = facts));
  }

  /** Starts checking `orgs` unless a run is under way (or there is nothing to check). */
  start(orgs: readonly OrgSummary[], document: CseConfigDocument, checkedBy: string | undefined, listener: OrgCheckRunListener): void {
    if (orgs.length === 0 || this.isRunning()) return;
    this.cancel$ = new Subject<void>();
    this.run.set(startBulkRun(orgs.length));
    this.checks
      .checkMany(orgs, this.context(document, checkedBy), this.cancel$)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (progress) => {
          if (progress.phase === 'failed') listener.failed(progress.org, progress.error);
          this.update((run) => advanceBulkRun(run, progress));
        },
        complete: () => {
          this.update(finishBulkRun);
          listener.finished();
        },
      });
  }

  /** Stops the organizations in flight and starts no other one. */
  cancel(): void {
    this.cancel$.next();
    this.update(cancelBulkRun);
  }

  private update(change: (run: BulkRun) => BulkRun): void {
    const run = this.run();
    if (run) this.run.set(change(run));
  }

  private context(document: CseConfigDocument, checkedBy: string | undefined): OrgCheckContext {
    const release = preselectCseRelease(readConfiguredVersions(document.entity)).release;
    return {
      settings: document.settings,
      ...(release ? { release } : {}),
      tkrs: release ? supportedTkrs(release).map((tkr) => tkr.tkr) : [],
      ...(checkedBy ? { checkedBy } : {}),
      ...(this.endpointFacts ? { publicEndpoint: this.endpointFacts } : {}),
    };
  }
}
