/*
 * Where certificates come in: dropped or picked files, or pasted text. Emits raw inputs; the
 * section reads them. Pasted text is cleared once read, so a pasted key does not linger.
 */
import { ChangeDetectionStrategy, Component, EventEmitter, Output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ClrFormsModule } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';

export type RawInput =
  | { readonly bytes: Uint8Array; readonly name: string }
  | { readonly text: string }
  /** Too big to read at all: refused before it is loaded into the page. */
  | { readonly tooLarge: true; readonly name: string; readonly size: number };

/** Same limit as the reader's: 1 MiB per input. */
export const MAX_FILE_BYTES = 1_048_576;

@Component({
  selector: 'cse-certificate-input',
  standalone: true,
  imports: [ReactiveFormsModule, ClrFormsModule, I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="drop-zone"
      data-test="certificate-drop-zone"
      [class.dragging]="dragging()"
      (dragover)="onDragOver($event)"
      (dragleave)="dragging.set(false)"
      (drop)="onDrop($event)"
    >
      <p>{{ 'certificates.input.drop' | translate }}</p>
      <label class="btn btn-sm btn-outline" for="certificate-files">{{ 'certificates.input.pick' | translate }}</label>
      <input
        id="certificate-files"
        class="file-input"
        type="file"
        multiple
        accept=".pem,.crt,.cer,.der,.p7b,.p7c,.txt"
        data-test="certificate-files"
        (change)="onPick($event)"
      />
    </div>
    <div class="paste">
      <label for="certificate-paste">{{ 'certificates.input.pasteLabel' | translate }}</label>
      <textarea
        id="certificate-paste"
        class="clr-textarea"
        rows="5"
        spellcheck="false"
        data-test="certificate-paste"
        [formControl]="pasted"
        placeholder="-----BEGIN CERTIFICATE-----"
      ></textarea>
      <button type="button" class="btn btn-sm" data-test="certificate-paste-read" [disabled]="!pasted.value.trim()" (click)="readPasted()">
        {{ 'certificates.input.read' | translate }}
      </button>
    </div>
  `,
  styles: [
    `
      .drop-zone {
        border: 2px dashed #8c8c8c;
        border-radius: 4px;
        padding: 0.8rem;
        text-align: center;
      }
      .drop-zone.dragging {
        border-color: #0072a3;
        background: #e1f1f6;
      }
      .file-input {
        position: absolute;
        width: 1px;
        height: 1px;
        opacity: 0;
      }
      .paste {
        margin-top: 0.6rem;
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
      }
      .paste textarea {
        width: 100%;
        font-family: monospace;
      }
      .paste button {
        align-self: flex-start;
      }
    `,
  ],
})
export class CertificateInputComponent {
  @Output() readonly inputs = new EventEmitter<readonly RawInput[]>();
  readonly pasted = new FormControl('', { nonNullable: true });
  readonly dragging = signal(false);

  onDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  async onDrop(event: DragEvent): Promise<void> {
    event.preventDefault();
    this.dragging.set(false);
    await this.readFiles(event.dataTransfer?.files);
  }

  async onPick(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    await this.readFiles(input.files);
    // Picking the same file again must fire again.
    input.value = '';
  }

  readPasted(): void {
    const text = this.pasted.value;
    // Drop the text at once: if it held a private key, it must not stay in the page.
    this.pasted.setValue('');
    this.inputs.emit([{ text }]);
  }

  private async readFiles(files: FileList | null | undefined): Promise<void> {
    if (!files || files.length === 0) return;
    const inputs = await Promise.all(
      [...files].map(
        async (file): Promise<RawInput> =>
          file.size > MAX_FILE_BYTES
            ? { tooLarge: true, name: file.name, size: file.size }
            : { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name },
      ),
    );
    this.inputs.emit(inputs);
  }
}
