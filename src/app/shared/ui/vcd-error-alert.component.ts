/* Shows a failed VCD call as one translated sentence that says what to do, with VCD's detail. */
import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import { ClrAlertModule } from '@clr/angular';
import { I18nModule } from '../i18n';
import { VCD_ERROR_MESSAGE_KEYS, VcdError } from '../../vcd';

@Component({
  selector: 'cse-vcd-error-alert',
  standalone: true,
  imports: [ClrAlertModule, I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <clr-alert clrAlertType="danger" [clrAlertClosable]="false" data-test="vcd-error">
      <clr-alert-item>
        <span class="alert-text">
          {{ messageKey | translate: { status: error.status, seconds: error.seconds ?? 0 } }}
          @if (error.detail) {
            <br /><small data-test="vcd-error-detail">{{ 'vcd.errors.detail' | translate: { detail: error.detail } }}</small>
          }
        </span>
        <div class="alert-actions">
          <button type="button" class="btn alert-action" data-test="vcd-error-retry" (click)="retry.emit()">
            {{ 'common.retry' | translate }}
          </button>
        </div>
      </clr-alert-item>
    </clr-alert>
  `,
})
export class VcdErrorAlertComponent {
  @Input({ required: true }) error!: VcdError;
  @Output() readonly retry = new EventEmitter<void>();

  get messageKey(): string {
    return VCD_ERROR_MESSAGE_KEYS[this.error.kind];
  }
}
