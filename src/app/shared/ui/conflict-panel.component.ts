/*
 * What someone else changed in vcdKeConfig while the user was editing (VCD answered 412): field by
 * field, with the choice to re-apply the user's change on top of theirs or to discard it. A field
 * that holds a secret (a token, a password, credentials in a proxy URL) is named, never shown.
 */
import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import { I18nModule } from '../i18n';
import { FieldChange, ShownChange, ShownValue, showChange } from '../cse-config';

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
                @for (change of shownChanges; track change.path) {
                  <tr>
                    <td>{{ change.path }}</td>
                    @if (change.isHidden) {
                      <td colspan="2" data-test="conflict-hidden">{{ 'conflict.hidden' | translate }}</td>
                    } @else {
                      <td>{{ display(change.before) }}</td>
                      <td>{{ display(change.after) }}</td>
                    }
                  </tr>
                }
              </tbody>
            </table>
            @if (hasHidden) {
              <p data-test="conflict-hidden-note">{{ 'conflict.hiddenNote' | translate }}</p>
            }
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
  private view!: ConflictView;
  /** Masked once, when the conflict arrives: a secret value never reaches the template. */
  protected shownChanges: readonly ShownChange[] = [];
  protected hasHidden = false;

  @Input({ required: true })
  set conflict(view: ConflictView) {
    this.view = view;
    this.shownChanges = view.theirChanges.map(showChange);
    this.hasHidden = this.shownChanges.some((change) => change.isHidden);
  }
  get conflict(): ConflictView {
    return this.view;
  }

  /** The message that says what the user's own change is. */
  @Input({ required: true }) yoursKey!: string;
  @Input() yoursParams: Readonly<Record<string, string | number>> = {};
  @Output() readonly reapply = new EventEmitter<void>();
  @Output() readonly discard = new EventEmitter<void>();

  protected display(value: ShownValue): string {
    return value.kind === 'shown' ? value.text : '—';
  }
}
