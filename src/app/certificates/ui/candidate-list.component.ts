/* The certificates the provider brought, each with what it is, what is wrong with it, and where it goes. */
import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import { I18nModule } from '../../shared/i18n';
import { CA_TARGETS, CaTarget } from '../domain/ca-targets';
import { ClassifiedCertificate } from '../domain';

@Component({
  selector: 'cse-candidate-list',
  standalone: true,
  imports: [I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="table table-compact candidates" data-test="candidates">
      <thead>
        <tr>
          <th>{{ 'certificates.candidates.certificate' | translate }}</th>
          <th>{{ 'certificates.candidates.details' | translate }}</th>
          <th>{{ 'certificates.candidates.verdict' | translate }}</th>
          @for (target of targets; track target) {
            <th>{{ 'certificates.targets.' + target | translate }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (candidate of candidates; track candidate.summary.sha256Fingerprint) {
          <tr [attr.data-test]="'candidate-' + candidate.role" [attr.data-usable]="candidate.isUsable">
            <td>
              <span class="label" [class.label-info]="candidate.role !== 'leaf'" [class.label-warning]="candidate.role === 'leaf'">
                {{ 'certificates.roles.' + candidate.role | translate }}
              </span>
              <div class="subject">{{ candidate.summary.subject }}</div>
              <div class="muted">{{ 'certificates.candidates.issuer' | translate: { issuer: candidate.summary.issuer } }}</div>
            </td>
            <td class="details">
              <div>
                {{
                  'certificates.candidates.validity'
                    | translate: { from: day(candidate.summary.notBefore), to: day(candidate.summary.notAfter) }
                }}
              </div>
              <div>
                {{
                  'certificates.candidates.key'
                    | translate: { algorithm: candidate.summary.keyAlgorithm, bits: candidate.summary.keySize ?? 0 }
                }}
              </div>
              <div>{{ 'certificates.candidates.serial' | translate: { serial: candidate.summary.serialNumber } }}</div>
              @if (names(candidate); as names) {
                <div>{{ 'certificates.candidates.names' | translate: { names: names } }}</div>
              }
              <div class="fingerprint">SHA-256 {{ candidate.summary.sha256Fingerprint }}</div>
            </td>
            <td>
              <ul class="list-unstyled">
                @for (finding of candidate.findings; track finding.code) {
                  <li [class]="'finding ' + finding.severity" [attr.data-test]="'finding-' + finding.code">
                    {{ findingKey(finding) | translate: finding.params ?? {} }}
                  </li>
                } @empty {
                  <li class="finding ok" data-test="finding-none">{{ 'certificates.findings.none' | translate }}</li>
                }
              </ul>
            </td>
            @for (target of targets; track target) {
              <td>
                <input
                  type="checkbox"
                  [attr.aria-label]="'certificates.targets.' + target | translate"
                  [attr.data-test]="'candidate-target-' + target"
                  [checked]="selected(candidate, target)"
                  [disabled]="!candidate.isUsable || !canEdit"
                  (change)="toggle.emit({ fingerprint: candidate.summary.sha256Fingerprint, target, on: $any($event.target).checked })"
                />
              </td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: [
    `
      .candidates td {
        text-align: left;
        vertical-align: top;
      }
      .subject {
        font-family: monospace;
      }
      .muted,
      .details {
        font-size: 0.6rem;
      }
      .fingerprint {
        font-family: monospace;
        word-break: break-all;
      }
      .finding.error {
        color: var(--cds-alias-status-danger, #c21d00);
      }
      .finding.warning {
        color: var(--cds-alias-status-warning-dark, #8f5200);
      }
      .finding.ok {
        color: var(--cds-alias-status-success-dark, #266900);
      }
    `,
  ],
})
export class CandidateListComponent {
  @Input({ required: true }) candidates: readonly ClassifiedCertificate[] = [];
  /** Where each certificate (by fingerprint) goes. */
  @Input({ required: true }) selections: ReadonlyMap<string, ReadonlySet<CaTarget>> = new Map();
  @Input() canEdit = false;
  @Output() readonly toggle = new EventEmitter<{ fingerprint: string; target: CaTarget; on: boolean }>();
  readonly targets = CA_TARGETS;

  selected(candidate: ClassifiedCertificate, target: CaTarget): boolean {
    return this.selections.get(candidate.summary.sha256Fingerprint)?.has(target) ?? false;
  }

  names(candidate: ClassifiedCertificate): string {
    return [...candidate.summary.dnsNames, ...candidate.summary.ipAddresses].join(', ');
  }

  /** A leaf whose issuer is among the inputs gets the message that names it. */
  findingKey(finding: ClassifiedCertificate['findings'][number]): string {
    return finding.code === 'leaf' && finding.params?.['issuerInInputs']
      ? 'certificates.findings.leafSigned'
      : `certificates.findings.${finding.code}`;
  }

  day(date: Date): string {
    return date.toISOString().slice(0, 10);
  }
}
