/*
 * Readiness at a glance: one row per prerequisite with its level (icon and words: colour is never
 * the only signal), what was found, when, and a link to the section that fixes it. Presentational:
 * the provider's Airgap tab, the tenant status page and the organizations grid feed it lines.
 */
import { ChangeDetectionStrategy, Component, EventEmitter, Input, LOCALE_ID, OnChanges, Output, inject, signal } from '@angular/core';
import { ClrIconModule } from '@clr/angular';
import { ClarityIcons, checkCircleIcon, errorStandardIcon, exclamationTriangleIcon, helpIcon, infoStandardIcon } from '@cds/core/icon';
import { formatLocalTime } from '../../shared/ui';
import { I18nModule } from '../../shared/i18n';
import { ReadinessLevel, ReadinessLine, ReadinessSection, ReadinessVerdict, readinessVerdict } from '../domain/readiness';

ClarityIcons.addIcons(checkCircleIcon, exclamationTriangleIcon, errorStandardIcon, helpIcon, infoStandardIcon);

/** Clarity's icon shape and status per level. */
export const LEVEL_ICONS: Readonly<Record<ReadinessLevel, { readonly shape: string; readonly status: string }>> = {
  ready: { shape: 'check-circle', status: 'success' },
  attention: { shape: 'exclamation-triangle', status: 'warning' },
  blocked: { shape: 'error-standard', status: 'danger' },
  unknown: { shape: 'help', status: 'neutral' },
  manual: { shape: 'info-standard', status: 'info' },
};

interface Row {
  readonly line: ReadinessLine;
  readonly icon: (typeof LEVEL_ICONS)[ReadinessLevel];
  /** In the session's locale; undefined when the line was never checked. */
  readonly checkedAt?: string;
}

@Component({
  selector: 'cse-readiness-summary',
  standalone: true,
  imports: [ClrIconModule, I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './readiness-summary.component.html',
  styleUrl: './readiness-summary.component.css',
})
export class ReadinessSummaryComponent implements OnChanges {
  @Input({ required: true }) lines: readonly ReadinessLine[] = [];
  /** Read-only viewers (tenants) cannot fix anything here: their links say "Details". */
  @Input() readOnly = false;
  @Output() readonly navigate = new EventEmitter<ReadinessSection>();

  // The host's LOCALE_ID, as the plug-in reduced it (shared/i18n/plugin-locale.ts).
  private readonly locale = inject(LOCALE_ID);
  readonly rows = signal<readonly Row[]>([]);
  readonly verdict = signal<ReadinessVerdict>(readinessVerdict([]));

  ngOnChanges(): void {
    this.rows.set(
      this.lines.map((line) => ({
        line,
        icon: LEVEL_ICONS[line.level],
        ...(line.checkedAt ? { checkedAt: formatCheckTime(line.checkedAt, this.locale) } : {}),
      })),
    );
    this.verdict.set(readinessVerdict(this.lines));
  }
}

/** A medium date and short time in the session's locale (see LocalTimePipe). */
export function formatCheckTime(iso: string, locale: string): string {
  return formatLocalTime(iso, locale);
}
