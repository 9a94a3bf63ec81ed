/*
 * What tenant administrators need to read their status page (the View right in a published rights
 * bundle and in their role): shows exactly those changes and makes them only once confirmed.
 */
import { ChangeDetectionStrategy, Component, DestroyRef, EventEmitter, OnInit, Output, computed, inject, signal } from '@angular/core';
import { ClarityModule } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { untilDestroyed } from '../../shared/rx';
import { VcdError, toVcdError } from '../../vcd';
import { TenantAccessService, TenantAccessState, isTenantAccessReady } from '../data/tenant-access.service';

@Component({
  selector: 'cse-tenant-access-panel',
  standalone: true,
  imports: [ClarityModule, I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tenant-access-panel.component.html',
  styles: [
    `
      .plan li {
        margin-bottom: 0.2rem;
      }
    `,
  ],
})
export class TenantAccessPanelComponent implements OnInit {
  /** Reading or changing the rights failed. */
  @Output() readonly failed = new EventEmitter<VcdError>();

  private readonly tenantAccess = inject(TenantAccessService);
  private readonly destroyRef = inject(DestroyRef);

  readonly access = signal<TenantAccessState | undefined>(undefined);
  readonly isReady = computed(() => isTenantAccessReady(this.access()));
  readonly isBusy = signal(false);
  readonly isConfirming = signal(false);

  ngOnInit(): void {
    this.tenantAccess
      .state()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({ next: (state) => this.access.set(state), error: (error: unknown) => this.failed.emit(toVcdError(error)) });
  }

  applyAccess(): void {
    const state = this.access();
    if (!state) return;
    this.isBusy.set(true);
    this.tenantAccess
      .apply(state)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (next) => {
          this.isBusy.set(false);
          this.isConfirming.set(false);
          this.access.set(next);
        },
        error: (error: unknown) => {
          this.isBusy.set(false);
          this.isConfirming.set(false);
          this.failed.emit(toVcdError(error));
        },
      });
  }
}
