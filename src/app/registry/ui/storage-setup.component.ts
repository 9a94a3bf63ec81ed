/* One-time setup of the plug-in's storage in VCD, showing exactly what it creates before it does. */
import { ChangeDetectionStrategy, Component, DestroyRef, EventEmitter, Output, inject, signal } from '@angular/core';
import { I18nModule } from '../../shared/i18n';
import { RegistryStatusRepository } from '../../shared/status-store';
import { STATUS_INTERFACE_ID, STATUS_SETUP_PLAN, STATUS_TYPE_ID } from '../../shared/status-store/domain';
import { untilDestroyed } from '../../shared/rx';
import { VcdErrorAlertComponent } from '../../shared/ui';
import { VCD_TIMEOUT_SECONDS, VcdError, toVcdError } from '../../vcd';

@Component({
  selector: 'cse-storage-setup',
  standalone: true,
  imports: [I18nModule, VcdErrorAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="alert alert-info" role="alert" data-test="storage-setup">
      <div class="alert-items">
        <div class="alert-item static">
          <div class="alert-text">
            <p>{{ 'registry.storage.intro' | translate }}</p>
            <ul>
              <li>{{ 'registry.storage.interface' | translate: { id: interfaceId } }}</li>
              <li>{{ 'registry.storage.type' | translate: { id: typeId } }}</li>
              <li>{{ 'registry.storage.rights' | translate: { nss: plan.entityType.vendor + ':' + plan.entityType.nss } }}</li>
            </ul>
          </div>
          <div class="alert-actions">
            <button type="button" class="btn btn-sm btn-primary" data-test="storage-create" [disabled]="busy()" (click)="create()">
              {{ 'registry.storage.create' | translate }}
            </button>
            @if (busy()) {
              <span data-test="storage-creating">{{ 'registry.storage.creating' | translate: { seconds: timeoutSeconds } }}</span>
            }
          </div>
        </div>
      </div>
    </div>
    @if (error(); as failure) {
      <cse-vcd-error-alert [error]="failure" (retry)="create()" />
    }
  `,
})
export class StorageSetupComponent {
  @Output() readonly ready = new EventEmitter<void>();
  private readonly repository = inject(RegistryStatusRepository);
  private readonly destroyRef = inject(DestroyRef);
  readonly plan = STATUS_SETUP_PLAN;
  readonly interfaceId = STATUS_INTERFACE_ID;
  readonly typeId = STATUS_TYPE_ID;
  /** Each VCD request of the setup gets this long; then it is an error with a retry. */
  readonly timeoutSeconds = inject(VCD_TIMEOUT_SECONDS);
  readonly busy = signal(false);
  readonly error = signal<VcdError | undefined>(undefined);

  create(): void {
    this.busy.set(true);
    this.error.set(undefined);
    this.repository
      .setUp()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.ready.emit();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.error.set(toVcdError(error));
        },
      });
  }
}
