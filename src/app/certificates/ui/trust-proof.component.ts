/* Whether one CA list makes the registry trusted, and if not, exactly why and what to add. */
import { ChangeDetectionStrategy, Component, Input } from '@angular/core';
import { I18nModule } from '../../shared/i18n';
import { CaTarget } from '../domain/ca-targets';
import { TrustProof } from '../domain';

@Component({
  selector: 'cse-trust-proof',
  standalone: true,
  imports: [I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="proof" [attr.data-test]="'proof-' + target" [attr.data-trusted]="proof?.trusted ?? 'unknown'">
      <strong>{{ 'certificates.targets.' + target | translate }}</strong>
      @if (proof; as current) {
        @if (current.trusted) {
          <p class="trusted">{{ 'certificates.proof.trusted' | translate: { host: host, anchor: current.anchor } }}</p>
          <p class="path">{{ current.path.join(' → ') }}</p>
          @for (note of current.notes; track note.code) {
            <p class="note">{{ 'certificates.proof.problems.' + note.code | translate: note.params ?? {} }}</p>
          }
        } @else {
          <p class="untrusted">{{ 'certificates.proof.untrusted' | translate: { host: host } }}</p>
          <ul>
            @for (problem of current.problems; track $index) {
              <li [attr.data-test]="'proof-problem-' + problem.code">
                {{ 'certificates.proof.problems.' + problem.code | translate: problem.params ?? {} }}
              </li>
            }
          </ul>
        }
      } @else {
        <p>{{ 'certificates.proof.pending' | translate }}</p>
      }
    </div>
  `,
  styles: [
    `
      .proof {
        flex: 1;
        min-width: 18rem;
      }
      .trusted {
        color: var(--cds-alias-status-success-dark, #266900);
        font-weight: 600;
      }
      .untrusted {
        color: var(--cds-alias-status-danger, #c21d00);
        font-weight: 600;
      }
      .path {
        font-family: monospace;
        font-size: 0.6rem;
      }
    `,
  ],
})
export class TrustProofComponent {
  @Input({ required: true }) target!: CaTarget;
  @Input({ required: true }) host = '';
  @Input() proof: TrustProof | undefined;
}
