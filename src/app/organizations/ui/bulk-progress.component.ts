/* The overall progress of checking one or many organizations, and what a finished run did. */
import { ChangeDetectionStrategy, Component, EventEmitter, Output, computed, input } from '@angular/core';
import { ClarityModule } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { BulkRun, bulkRunPercent, skippedBy } from '../domain/bulk-run';

@Component({
  selector: 'cse-bulk-progress',
  standalone: true,
  imports: [ClarityModule, I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bulk-progress.component.html',
})
export class BulkProgressComponent {
  readonly run = input.required<BulkRun>();
  /** The user asks to stop the checks (organizations in flight stop, no other starts). */
  @Output() readonly cancel = new EventEmitter<void>();

  readonly percent = computed(() => bulkRunPercent(this.run()));
  readonly skipped = computed(() => skippedBy(this.run()));
}
