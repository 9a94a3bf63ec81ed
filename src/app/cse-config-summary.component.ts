/* The current registry settings of CSE, read from vcdKeConfig: what both tabs start from. */
import { ChangeDetectionStrategy, Component, Input } from '@angular/core';
import { I18nModule } from './shared/i18n';
import { RegistrySettings } from './shared/cse-config';

@Component({
  selector: 'cse-config-summary',
  standalone: true,
  imports: [I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="summary">
      <dt>{{ 'summary.registryUrl' | translate }}</dt>
      <dd data-test="registry-url">{{ settings.containerRegistryUrl }}</dd>
      <dt>{{ 'summary.bootstrapCertificates' | translate }}</dt>
      <dd data-test="bootstrap-count">
        {{ 'summary.certificateCount' | translate: { count: settings.bootstrapCertificates.length } }}
      </dd>
      <dt>{{ 'summary.nodeCertificates' | translate }}</dt>
      <dd data-test="node-count">{{ 'summary.certificateCount' | translate: { count: settings.nodeCertificates.length } }}</dd>
    </dl>
  `,
  styles: [
    `
      .summary {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3rem 1.2rem;
        margin-top: 0.6rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
    `,
  ],
})
export class CseConfigSummaryComponent {
  @Input({ required: true }) settings!: RegistrySettings;
}
