/*
 * After a save of the registry URL: CSE reads vcdKeConfig when the CSE server starts, so new
 * clusters use the new URL only after a restart (docs/domain-airgap.md §6). The notice stays, and
 * the readiness line says "restart pending", until a provider marks the restart done; both are
 * kept in the plug-in's status entity so that every administrator sees them.
 */
import { ChangeDetectionStrategy, Component, DestroyRef, Input, OnChanges, SimpleChanges, computed, inject, signal } from '@angular/core';
import { ClrAlertModule } from '@clr/angular';
import { I18nModule } from '@vcd/i18n';
import { switchMap } from 'rxjs';
import { untilDestroyed } from '../../shared/rx/until-destroyed';
import { PluginSettingsService } from '../../shared/status-store/data/plugin-settings.service';
import { pendingRestart } from '../../shared/status-store/domain/plugin-settings';
import { LocalTimePipe } from '../../shared/ui/local-time.pipe';

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
            @if (notice.savedAt) {
              {{ 'registry.restart.savedAt' | translate: { time: notice.savedAt | localTime } }}
            }
            <span data-test="restart-source">{{ 'registry.restart.source' | translate }}</span>
            @if (kept() === 'notKept') {
              <span data-test="restart-not-kept">{{ 'registry.restart.notKept' | translate }}</span>
            }
          </span>
          @if (kept() !== 'notKept') {
            <div class="alert-actions">
              <button type="button" class="btn alert-action" data-test="restart-done" (click)="markDone()">
                {{ 'readiness.summary.restartDone' | translate }}
              </button>
            </div>
          }
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

  private readonly settings = inject(PluginSettingsService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly current = signal('');
  private readonly savedHere = signal<string | undefined>(undefined);
  readonly kept = signal<'kept' | 'notKept' | undefined>(undefined);
  readonly shown = computed((): { readonly url: string; readonly savedAt?: string } | undefined => {
    const pending = pendingRestart(this.settings.settings(), this.current());
    if (pending) return pending;
    const saved = this.savedHere();
    return saved !== undefined && saved === this.current() && this.kept() !== 'kept' ? { url: saved } : undefined;
  });

  constructor() {
    this.settings.load().pipe(untilDestroyed(this.destroyRef)).subscribe();
  }

  ngOnChanges(changes: SimpleChanges): void {
    this.current.set(this.registryUrl);
    const saved = this.justSaved;
    if (!changes['justSaved'] || saved === undefined) return;
    this.savedHere.set(saved);
    this.kept.set(undefined);
    this.settings
      .load()
      .pipe(
        switchMap(() => this.settings.registrySaved(saved)),
        untilDestroyed(this.destroyRef),
      )
      .subscribe({ next: () => this.kept.set('kept'), error: () => this.kept.set('notKept') });
  }

  markDone(): void {
    this.settings
      .restartDone()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({ next: () => this.savedHere.set(undefined), error: () => this.kept.set('notKept') });
  }
}
