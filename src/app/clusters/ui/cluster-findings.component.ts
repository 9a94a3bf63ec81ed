/*
 * Every finding of one cluster with its evidence — the image and where it must be, the host, the
 * entry it came from (name verbatim), when and how often — and, for the provider, "check now".
 * Text from VCD is only ever interpolated (Angular escapes it), never bound as HTML.
 */
import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import { ClrAlertModule } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { LocalTimePipe } from '../../shared/ui';
import { FindingCheckState } from '../data/cluster-checks.service';
import { ClusterRow } from '../data/clusters.repository';
import { Finding, FindingFix } from '../domain';
import { findingKey, reasonParams } from './cluster-messages';

@Component({
  selector: 'cse-cluster-findings',
  standalone: true,
  imports: [ClrAlertModule, I18nModule, LocalTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cluster-findings.component.html',
  styles: [
    `
      .finding {
        border-left: 3px solid var(--cds-alias-status-danger, #c21d00);
        padding: 0.3rem 0 0.3rem 0.6rem;
        margin-bottom: 0.8rem;
      }
      .finding[data-kind='other'],
      .finding[data-kind='unreadable'] {
        border-left-color: var(--cds-alias-status-neutral, #8c8c8c);
      }
      dl.evidence dt {
        font-weight: 600;
      }
      code,
      pre {
        word-break: break-all;
        white-space: pre-wrap;
      }
      pre {
        max-height: 14rem;
        overflow: auto;
        font-size: 0.55rem;
      }
      .muted {
        color: var(--cds-alias-typography-secondary-color, #565656);
      }
    `,
  ],
})
export class ClusterFindingsComponent {
  @Input({ required: true }) row!: ClusterRow;
  /** The provider may re-check images and the registry; a tenant only reads. */
  @Input() canCheck = false;
  @Input() checks: ReadonlyMap<string, FindingCheckState> = new Map();
  /** The fixes this page can take the user to; the others are not offered. */
  @Input() fixes: readonly FindingFix[] = ['dependencies', 'certificates', 'registryCheck', 'publicEndpoint'];
  @Output() readonly check = new EventEmitter<Finding>();
  @Output() readonly fix = new EventEmitter<FindingFix>();

  readonly params = reasonParams;

  keyOf(finding: Finding): string {
    return findingKey(this.row.record.id, finding);
  }

  stateOf(finding: Finding): FindingCheckState | undefined {
    return this.checks.get(this.keyOf(finding));
  }
}
