/* The certificate chain the registry served to VCD's probe: what the nodes will have to trust. */
import { ChangeDetectionStrategy, Component, Input } from '@angular/core';
import { I18nModule } from '../../shared/i18n';
import { ServedCertificate } from '../domain/registry-check';

@Component({
  selector: 'cse-served-chain',
  standalone: true,
  imports: [I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h4>{{ 'registry.chain.title' | translate: { count: chain.length } }}</h4>
    <table class="table table-compact chain" data-test="served-chain">
      <thead>
        <tr>
          <th>{{ 'registry.chain.subject' | translate }}</th>
          <th>{{ 'registry.chain.issuer' | translate }}</th>
          <th>{{ 'registry.chain.validity' | translate }}</th>
          <th>{{ 'registry.chain.names' | translate }}</th>
          <th>{{ 'registry.chain.fingerprint' | translate }}</th>
        </tr>
      </thead>
      <tbody>
        @for (certificate of chain; track certificate.sha256Fingerprint) {
          <tr [attr.data-test]="'chain-' + $index">
            <td>
              {{ certificate.subject }}
              @if (certificate.isCa) {
                <span class="label label-info">CA</span>
              }
            </td>
            <td>{{ certificate.issuer }}</td>
            <td>{{ certificate.notBefore.slice(0, 10) }} → {{ certificate.notAfter.slice(0, 10) }}</td>
            <td>{{ names(certificate) }}</td>
            <td class="fingerprint">{{ certificate.sha256Fingerprint }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: [
    `
      .chain td {
        text-align: left;
        word-break: break-word;
      }
      .fingerprint {
        font-family: monospace;
        font-size: 0.55rem;
      }
    `,
  ],
})
export class ServedChainComponent {
  @Input({ required: true }) chain: readonly ServedCertificate[] = [];

  names(certificate: ServedCertificate): string {
    return [...certificate.dnsNames, ...certificate.ipAddresses].join(', ') || '—';
  }
}
