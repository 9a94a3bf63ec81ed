/* One target's CA list as it will be: what is stored (flagged when it needs attention) and what is added. */
import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import { I18nModule } from '../../shared/i18n';
import { CaTarget, StoredProblem, TargetPlan, storedProblems } from '../domain/ca-targets';
import { CertificateSummary, summarizeCertificate, validityAt } from '../domain/certificate-summary';
import { splitPemBlocks } from '../domain/pem';

export interface StoredView {
  readonly pem: string;
  readonly fingerprint?: string;
  readonly summary?: CertificateSummary;
  readonly problems: readonly StoredProblem[];
}

/** Reads what CSE stores now, so each entry can be shown and judged. */
export async function describeStored(pems: readonly string[], now: Date): Promise<StoredView[]> {
  const facts = await Promise.all(
    pems.map(async (pem) => {
      const blocks = splitPemBlocks(pem).filter((block) => block.label === 'CERTIFICATE');
      const first = blocks[0];
      const summary = first ? await summarizeCertificate(first.der).catch(() => undefined) : undefined;
      return { pem, summary, blockCount: blocks.length };
    }),
  );
  const problems = storedProblems(
    facts.map(({ summary, blockCount }) => ({
      blockCount,
      ...(summary ? { fingerprint: summary.sha256Fingerprint, isCa: summary.isCa, isExpired: validityAt(summary, now) === 'expired' } : {}),
    })),
  );
  return facts.map(({ pem, summary }, index) => ({
    pem,
    problems: problems[index] ?? [],
    ...(summary ? { summary, fingerprint: summary.sha256Fingerprint } : {}),
  }));
}

@Component({
  selector: 'cse-stored-list',
  standalone: true,
  imports: [I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h5>{{ 'certificates.targets.' + target | translate }}</h5>
    <p class="path">
      <code>{{ target === 'bootstrap' ? 'bootstrapClusterConfig.certificateAuthorities' : 'K8Config.certificateAuthorities' }}</code>
    </p>
    <ul class="list-unstyled entries" [attr.data-test]="'target-' + target">
      @for (entry of stored; track $index) {
        <li [class.removed]="removed.has($index)" [attr.data-test]="'stored-' + target + '-' + $index">
          <span class="subject">{{ entry.summary?.subject ?? ('certificates.stored.unreadable' | translate) }}</span>
          @for (problem of entry.problems; track problem) {
            <span class="label label-warning" [attr.data-test]="'stored-problem-' + problem">{{
              'certificates.targets.problems.' + problem | translate
            }}</span>
          }
          @if (canEdit) {
            <button
              type="button"
              class="btn btn-sm btn-link"
              [attr.data-test]="'stored-toggle-' + target + '-' + $index"
              (click)="toggleRemoved.emit({ target, index: $index, removed: !removed.has($index) })"
            >
              {{ (removed.has($index) ? 'certificates.targets.keep' : 'certificates.targets.remove') | translate }}
            </button>
          }
        </li>
      }
      @for (pem of plan.added; track pem) {
        <li class="added" data-test="added">
          <span class="label label-success">{{ 'certificates.targets.added' | translate }}</span>
          <span class="subject">{{ subjectOf(pem) }}</span>
        </li>
      }
      @if (stored.length === 0 && plan.added.length === 0) {
        <li class="empty">{{ 'certificates.targets.empty' | translate }}</li>
      }
    </ul>
    <p class="summary" [attr.data-test]="'target-summary-' + target">
      {{
        'certificates.targets.summary'
          | translate: { kept: plan.result.length - plan.added.length, added: plan.added.length, removed: plan.removed.length }
      }}
    </p>
  `,
  styles: [
    `
      .subject {
        font-family: monospace;
        margin-right: 0.4rem;
      }
      .removed .subject {
        text-decoration: line-through;
      }
      .path {
        margin-top: 0;
      }
    `,
  ],
})
export class StoredListComponent {
  @Input({ required: true }) target!: CaTarget;
  @Input({ required: true }) stored: readonly StoredView[] = [];
  @Input({ required: true }) removed: ReadonlySet<number> = new Set();
  @Input({ required: true }) plan!: TargetPlan;
  @Input({ required: true }) subjects!: ReadonlyMap<string, string>;
  @Input() canEdit = false;
  @Output() readonly toggleRemoved = new EventEmitter<{ target: CaTarget; index: number; removed: boolean }>();

  subjectOf(pem: string): string {
    return this.subjects.get(pem) ?? '';
  }
}
