/*
 * What became of a dependency check's result, in one sentence or two: kept, not kept because the
 * check is not whole (cancelled, stopped, unanswered images: the last complete result stays the
 * one kept), or not kept because VCD refused or did not answer (with a retry).
 */
import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import { I18nModule } from '../../shared/i18n';
import { LocalTimePipe, VcdErrorAlertComponent } from '../../shared/ui';
import { VcdError, toVcdError } from '../../vcd';
import { DependencyCheckUpdate, unansweredCount } from '../data/dependency-check-runner';

@Component({
  selector: 'cse-check-notice',
  standalone: true,
  imports: [I18nModule, LocalTimePipe, VcdErrorAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (update.keeping) {
      @case ('kept') {
        <p data-test="dependencies-kept">{{ 'dependencies.view.kept' | translate }}</p>
      }
      @case ('notWhole') {
        <p class="not-whole" data-test="dependencies-not-whole" [attr.data-ending]="update.ending">
          {{ 'dependencies.notice.' + update.ending | translate: { done: update.done, total: update.total, count: unanswered } }}
          @if (keptAt) {
            {{ 'dependencies.notice.previous' | translate: { date: keptAt | localTime } }}
          } @else if (storesNothing) {
            {{ 'dependencies.notice.storedUnchanged' | translate }}
          } @else {
            {{ 'dependencies.notice.noneKept' | translate }}
          }
        </p>
      }
      @case ('notAsked') {
        @if (!storesNothing) {
          <p data-test="dependencies-not-kept">{{ 'dependencies.view.notKept' | translate }}</p>
        }
      }
      @case ('keeping') {
        <p data-test="dependencies-keeping">{{ 'dependencies.notice.keeping' | translate }}</p>
      }
      @case ('keepFailed') {
        <p data-test="dependencies-keep-failed">{{ 'dependencies.view.keepFailed' | translate }}</p>
        <cse-vcd-error-alert [error]="keepError" (retry)="retryKeep.emit()" />
      }
    }
  `,
  styles: [
    `
      .not-whole {
        color: var(--cds-alias-status-warning-shade, #8a6d00);
      }
    `,
  ],
})
export class CheckNoticeComponent {
  /** The last update of the run. */
  @Input({ required: true }) update!: DependencyCheckUpdate;
  /** When the result still kept was checked (absent: none is kept). */
  @Input() keptAt?: string;
  /** The run keeps nothing by design (the tenant's re-run): what is stored is unchanged. */
  @Input() storesNothing = false;
  @Output() readonly retryKeep = new EventEmitter<void>();

  get unanswered(): number {
    return unansweredCount(this.update.rows);
  }

  get keepError(): VcdError {
    return toVcdError(this.update.keepError);
  }
}
