/* Live feedback under the registry URL field: each problem with its one-click fix, and the derived locations. */
import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output } from '@angular/core';
import { I18nModule } from '../../shared/i18n';
import { RegistryUrlValidation, registryUrlMessageKey } from '../domain/registry-url';

@Component({
  selector: 'cse-registry-url-feedback',
  standalone: true,
  imports: [I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!validation.valid) {
      <ul class="list-unstyled problems" data-test="url-errors">
        @for (problem of validation.errors; track problem.code) {
          <li class="error" [attr.data-test]="'url-error-' + problem.code">
            {{ messageKey(problem.code) | translate: problem.params ?? {} }}
            @if (problem.fix !== undefined) {
              <button
                type="button"
                class="btn btn-sm btn-link"
                [attr.data-test]="'url-fix-' + problem.code"
                (click)="applyFix.emit(problem.fix)"
              >
                {{ 'registry.url.useFix' | translate: { fix: problem.fix } }}
              </button>
            }
          </li>
        }
      </ul>
    } @else {
      @for (warning of validation.warnings; track warning.code) {
        <p class="warning" [attr.data-test]="'url-warning-' + warning.code">
          {{ messageKey(warning.code) | translate: warning.params ?? {} }}
        </p>
      }
      <div class="derived" data-test="derived-locations">
        <span>{{ 'registry.url.derivedTitle' | translate }}</span>
        <ul class="list-unstyled">
          <li>
            <code data-test="derived-tkg">{{ validation.parsed.derived.tkg }}</code>
          </li>
          <li>
            <code data-test="derived-vcd">{{ validation.parsed.derived.vmwareCloudDirector }}</code>
          </li>
          <li>
            <code data-test="derived-inventory">{{ validation.parsed.derived.pluginInventory }}</code>
          </li>
        </ul>
        @if (validation.parsed.displayHost !== validation.parsed.host) {
          <p data-test="idn-note">
            {{ 'registry.url.idn' | translate: { unicode: validation.parsed.displayHost, ascii: validation.parsed.host } }}
          </p>
        }
      </div>
    }
  `,
  styles: [
    `
      .error {
        color: var(--cds-alias-status-danger, #c21d00);
      }
      .warning {
        color: var(--cds-alias-status-warning-dark, #8f5200);
      }
      .derived {
        margin-top: 0.4rem;
      }
    `,
  ],
})
export class RegistryUrlFeedbackComponent {
  @Input({ required: true }) validation!: RegistryUrlValidation;
  @Output() readonly applyFix = new EventEmitter<string>();
  readonly messageKey = registryUrlMessageKey;
}
