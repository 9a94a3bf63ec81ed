/*
 * What someone else changed in vcdKeConfig while the user was editing (VCD answered 412): field by
 * field, with the choice to re-apply the user's change on top of theirs or to discard it.
 */
import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import { I18nModule } from '@vcd/i18n';
import { FieldChange } from '../cse-config';

export interface ConflictView {
  readonly theirChanges: readonly FieldChange[];
  /** They changed a field the user is changing too: re-applying replaces their value. */
  readonly sameField: boolean;
}

@Component({
  selector: 'cse-conflict-panel',
  standalone: true,
  imports: [I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="alert alert-warning" role="alert" data-test="conflict">
      <div class="alert-items">
        <div class="alert-item static">
          <div class="alert-text">
            <p>{{ 'conflict.title' | translate: { count: conflict.theirChanges.length } }}</p>
            @if (conflict.sameField) {
              <p data-test="conflict-same-field">
                <strong>{{ 'conflict.sameField' | translate }}</strong>
              </p>
            }
            <table class="table table-compact changes" data-test="conflict-changes">
              <thead>
                <tr>
                  <th>{{ 'conflict.field' | translate }}</th>
                  <th>{{ 'conflict.before' | translate }}</th>
                  <th>{{ 'conflict.after' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (change of conflict.theirChanges; track change.path) {
                  <tr>
                    <td>{{ change.path }}</td>
                    <td>{{ display(change.before) }}</td>
                    <td>{{ display(change.after) }}</td>
                  </tr>
                }
              </tbody>
            </table>
            <p>{{ yoursKey | translate: yoursParams }}</p>
          </div>
          <div class="alert-actions">
            <button type="button" class="btn btn-sm btn-primary" data-test="conflict-reapply" (click)="reapply.emit()">
              {{ 'conflict.reapply' | translate }}
            </button>
            <button type="button" class="btn btn-sm" data-test="conflict-discard" (click)="discard.emit()">
              {{ 'conflict.discard' | translate }}
            </button>
          </div>
        </div>
      </div>
    </div>
  `,
  styles: [
    `
      .changes td,
      .changes th {
        text-align: left;
        font-family: monospace;
        word-break: break-all;
      }
    `,
  ],
})
export class ConflictPanelComponent {
  @Input({ required: true }) conflict!: ConflictView;
  /** The message that says what the user's own change is. */
  @Input({ required: true }) yoursKey!: string;
  @Input() yoursParams: Readonly<Record<string, string | number>> = {};
  @Output() readonly reapply = new EventEmitter<void>();
  @Output() readonly discard = new EventEmitter<void>();

  /** Long values (a PEM) are cut: the path says which field, the start says which value. */
  display(value: unknown): string {
    if (value === undefined) return '—';
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}…` : text;
  }
}
