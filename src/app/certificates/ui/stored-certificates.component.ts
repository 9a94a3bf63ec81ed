/* A list of stored CA certificates (PEM strings) with subject and expiry, as a person reads them. */
import { ChangeDetectionStrategy, Component, Input, OnChanges, signal } from '@angular/core';
import { I18nModule } from '../../shared/i18n';
import { CertificateSummary, summarizeCertificate, validityAt } from '../domain/certificate-summary';

interface Row {
  readonly summary?: CertificateSummary;
  readonly state: 'valid' | 'expired' | 'notYetValid' | 'unreadable';
}

@Component({
  selector: 'cse-stored-certificates',
  standalone: true,
  imports: [I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span data-test="certificate-count">{{ 'summary.certificateCount' | translate: { count: pems.length } }}</span>
    @if (rows().length > 0) {
      <ul class="list-unstyled certificates">
        @for (row of rows(); track $index) {
          <li [attr.data-test]="'certificate-' + row.state">
            @if (row.summary; as summary) {
              <span class="subject">{{ summary.subject }}</span>
              <span class="expiry" [class.expired]="row.state !== 'valid'">
                {{
                  'certificates.stored.' + row.state
                    | translate: { date: summary.notAfter.toISOString().slice(0, 10), from: summary.notBefore.toISOString().slice(0, 10) }
                }}
              </span>
            } @else {
              <span class="expired">{{ 'certificates.stored.unreadable' | translate }}</span>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: [
    `
      .certificates {
        margin: 0.2rem 0 0;
      }
      .subject {
        margin-right: 0.6rem;
        font-family: monospace;
      }
      .expired {
        color: var(--cds-alias-status-danger, #c21d00);
      }
    `,
  ],
})
export class StoredCertificatesComponent implements OnChanges {
  @Input({ required: true }) pems: readonly string[] = [];
  readonly rows = signal<readonly Row[]>([]);

  async ngOnChanges(): Promise<void> {
    const now = new Date();
    const rows = await Promise.all(
      this.pems.map(async (pem): Promise<Row> => {
        try {
          const summary = await summarizeCertificate(pem);
          return { summary, state: validityAt(summary, now) };
        } catch {
          return { state: 'unreadable' };
        }
      }),
    );
    this.rows.set(rows);
  }
}
