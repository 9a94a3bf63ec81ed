/*
 * How VCD reaches one registry origin for the browser: the external endpoint and API filters that
 * make `/ext-api/<prefix>/…` reach it. Shows their state and exactly what setting them up creates
 * and exposes (to whom, which requests); sets them up, migrates what 0.1.0 left, or removes them
 * after a confirmation that names the organizations whose registry is on that host. A change that
 * stops half-way says at which step and offers a retry. Used by the registry check and the
 * Organizations tab.
 */
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, EventEmitter, Input, OnChanges, Output, inject, signal } from '@angular/core';
import { I18nModule } from '../../shared/i18n';
import { Observable } from 'rxjs';
import { untilDestroyed } from '../../shared/rx';
import { VcdError, toVcdError } from '../../vcd';
import { AccessChangeError, ExternalEndpointService, isAccessChangeError } from '../data/external-endpoint.service';
import { HostUsage, HostUsers } from '../data/host-users';
import { AccessPath } from '../domain/access-path';
import { AccessState, usableAccessPath } from '../domain/access-state';
import { ExternalEndpointPlan } from '../domain/endpoint-plan';

type Change = 'apply' | 'migrate' | 'remove';

@Component({
  selector: 'cse-ext-api-access',
  standalone: true,
  imports: [I18nModule, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ext-api-access.component.html',
  styleUrl: './ext-api-access.component.css',
})
export class ExtApiAccessComponent implements OnChanges {
  @Input({ required: true }) plan!: ExternalEndpointPlan;
  /** Offer to remove a ready setup (the registry check does; a quick assignment does not). */
  @Input() removable = true;
  /** The host is the system registry's: a removal breaks the system registry's checks too. */
  @Input() isSystemRegistry = false;
  /** A read of VCD failed. */
  @Output() readonly failed = new EventEmitter<VcdError>();
  /** The `/ext-api` path the checks should use now (0.1.0's until it is migrated). */
  @Output() readonly accessChange = new EventEmitter<AccessPath>();

  private readonly endpoints = inject(ExternalEndpointService);
  private readonly hostUsers = inject(HostUsers);
  private readonly destroyRef = inject(DestroyRef);
  readonly state = signal<AccessState | undefined>(undefined);
  readonly busy = signal(false);
  readonly confirming = signal<'remove' | 'migrate' | undefined>(undefined);
  readonly usage = signal<HostUsage | undefined>(undefined);
  readonly changeError = signal<AccessChangeError | undefined>(undefined);
  private lastChange: Change = 'apply';

  ngOnChanges(): void {
    this.state.set(undefined);
    this.confirming.set(undefined);
    this.changeError.set(undefined);
    this.endpoints
      .state(this.plan)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({ next: (state) => this.show(state), error: (error: unknown) => this.failed.emit(toVcdError(error)) });
  }

  confirmRemoval(): void {
    this.confirming.set('remove');
    this.usage.set(undefined);
    this.hostUsers
      .organizationsUsing(this.plan)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe((usage) => this.usage.set(usage));
  }

  confirmMigration(): void {
    this.confirming.set('migrate');
  }

  cancel(): void {
    this.confirming.set(undefined);
  }

  change(change: Change): void {
    this.lastChange = change;
    this.busy.set(true);
    this.confirming.set(undefined);
    this.changeError.set(undefined);
    const work: Record<Change, () => Observable<AccessState>> = {
      apply: () => this.endpoints.apply(this.plan),
      migrate: () => this.endpoints.migrate(this.plan),
      remove: () => this.endpoints.remove(this.plan),
    };
    work[change]()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (state) => {
          this.busy.set(false);
          this.show(state);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          if (isAccessChangeError(error)) this.changeError.set(error);
          else this.failed.emit(toVcdError(error));
          // What is done stays done: show where VCD now stands.
          this.refresh();
        },
      });
  }

  retry(): void {
    this.change(this.lastChange);
  }

  orgNames(usage: HostUsage): string {
    return (usage.orgNames ?? []).join(', ');
  }

  private refresh(): void {
    this.endpoints
      .state(this.plan)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({ next: (state) => this.show(state), error: () => undefined });
  }

  private show(state: AccessState): void {
    this.state.set(state);
    this.accessChange.emit(usableAccessPath(this.plan, state));
  }
}
