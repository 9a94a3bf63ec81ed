/*
 * Airgap → Dependencies → fixing the gaps → the transfer script: one downloadable shell script for
 * exactly the images not in the registry, with skopeo or imgpkg, export and import halves, the
 * source registry (the provider's setting) and the CA file as parameters at its top.
 */
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Input, computed, inject, signal } from '@angular/core';
import { I18nModule } from '../../shared/i18n';
import { SourceRegistrySetting } from '../data/source-registry.setting';
import { TRANSFER_SCRIPT_NAME, TRANSFER_TOOLS, TransferImage, TransferTool, transferScript } from '../domain/transfer-script';
import { saveTextFile } from './browser-files';

@Component({
  selector: 'cse-transfer-script',
  standalone: true,
  imports: [I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details data-test="transfer-script">
      <summary>{{ 'dependencies.transfer.title' | translate: { count: images().length } }}</summary>
      <p>{{ 'dependencies.transfer.intro' | translate: { source: source(), script: scriptName } }}</p>
      <ol>
        <li>{{ 'dependencies.transfer.export' | translate: { script: scriptName } }}</li>
        <li>{{ 'dependencies.transfer.carry' | translate }}</li>
        <li>{{ 'dependencies.transfer.import' | translate: { script: scriptName } }}</li>
      </ol>
      <p>{{ 'dependencies.transfer.parameters' | translate }}</p>
      <div class="actions">
        @for (tool of tools; track tool) {
          <button
            type="button"
            class="btn btn-sm btn-outline"
            [attr.data-test]="'transfer-download-' + tool"
            [disabled]="images().length === 0"
            (click)="download(tool)"
          >
            {{ 'dependencies.transfer.download' | translate: { tool: tool } }}
          </button>
        }
      </div>
      @if (refused().length > 0) {
        <ul class="warning" data-test="transfer-refused">
          @for (image of refused(); track image.position) {
            <li>{{ 'dependencies.transfer.refused.' + image.side | translate: { position: image.position, code: image.code } }}</li>
          }
        </ul>
      }
    </details>
  `,
})
export class TransferScriptComponent {
  private readonly document = inject(DOCUMENT);
  readonly images = signal<readonly TransferImage[]>([]);
  readonly tools = TRANSFER_TOOLS;
  readonly scriptName = TRANSFER_SCRIPT_NAME;
  readonly source = inject(SourceRegistrySetting).source;
  readonly refused = computed(() => transferScript({ images: this.images(), tool: 'skopeo', sourceRegistry: this.source() }).refused);

  /** The images not in the registry: documented source reference and destination. */
  @Input({ required: true }) set missing(value: readonly TransferImage[]) {
    this.images.set(value);
  }

  download(tool: TransferTool): void {
    const script = transferScript({ images: this.images(), tool, sourceRegistry: this.source() });
    saveTextFile(TRANSFER_SCRIPT_NAME, script.text, 'text/x-shellscript', this.document);
  }
}
