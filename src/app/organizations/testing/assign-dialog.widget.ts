import { ShownMessage, Widget, readMessage } from './widget';

/** The dialog that assigns (or changes) an organization's private registry. */
export class AssignDialogWidget extends Widget {
  isOpen(): boolean {
    return this.document().querySelector('[data-test="assign-modal"] .modal') !== null;
  }

  title(): ShownMessage | undefined {
    return readMessage(this.document().querySelector('[data-test="assign-modal"] .modal-title')?.textContent);
  }

  url(): string {
    return (this.find('assign-url') as HTMLInputElement | null)?.value ?? '';
  }

  typeUrl(value: string): void {
    this.type('assign-url', value);
  }

  canSave(): boolean {
    return !this.isDisabled('assign-save');
  }

  save(): void {
    this.click('assign-save');
  }

  cancel(): void {
    this.click('assign-cancel');
  }

  /** How VCD reaches the typed host, once shown (what setting it up creates). */
  accessPlan(): string | undefined {
    return this.find('ext-api-plan')?.textContent ?? undefined;
  }

  private document(): Document {
    return this.root.ownerDocument;
  }
}
