/*
 * After a save of the registry URL: CSE reads vcdKeConfig when the CSE server starts, so new
 * clusters use the new URL only after a restart (docs/domain.md#cse-restart). The notice stays, and
 * the readiness line says "restart pending", until the provider marks the restart done. The mark
 * is kept in this browser (docs/domain.md#browser-settings): the notice says so.
 */
import { ChangeDetectionStrategy, Component, Input, OnChanges, SimpleChanges, computed, inject, signal } from '@angular/core';
import { ClrAlertModule } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { LocalTimePipe } from '../../shared/ui';
import { RestartMarkService } from '../data/restart-mark.service';
import { pendingRestart } from '../domain/restart-mark';

@Component({
  selector: 'cse-restart-notice',
  standalone: true,
  imports: [ClrAlertModule, I18nModule, LocalTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (shown(); as notice) {
      <clr-alert clrAlertType="warning" [clrAlertClosable]="false" data-test="restart-notice">
        <clr-alert-item>
          <span class="alert-text">
            {{ 'registry.restart.notice' | translate: { url: notice.url } }}
            {{ 'registry.restart.savedAt' | translate: { time: notice.savedAt | localTime } }}
            <span data-test="restart-source">{{ 'registry.restart.source' | translate }}</span>
            <span data-test="restart-kept">{{ (isKept() ? 'registry.restart.keptHere' : 'registry.restart.notKept') | translate }}</span>
          </span>
          <div class="alert-actions">
            <button type="button" class="btn alert-action" data-test="restart-done" (click)="markDone()">
              {{ 'readiness.summary.restartDone' | translate }}
            </button>
          </div>
        </clr-alert-item>
      </clr-alert>
    }
  `,
})
export class RestartNoticeComponent implements OnChanges {
  /** CSE's current URL. */
  @Input({ required: true }) registryUrl!: string;
  /** The URL this page just saved (undefined until a save). */
  @Input() justSaved: string | undefined;

  private readonly marks = inject(RestartMarkService);
  private readonly current = signal('');
  readonly isKept = this.marks.isKept;
  readonly shown = computed(() => pendingRestart(this.marks.mark(), this.current()));

  ngOnChanges(changes: SimpleChanges): void {
    this.current.set(this.registryUrl);
    const saved = this.justSaved;
    // Only a save made while the notice is shown marks it: a notice created again later must not re-mark an old save.
    const change = changes['justSaved'];
    if (change && !change.isFirstChange() && saved !== undefined) this.marks.registrySaved(saved);
  }

  markDone(): void {
    this.marks.restartDone();
  }
}
