/* Acts on the Container Registry Settings form as a user does: type a URL, save, settle a conflict. */
import { UrlFeedbackWidget } from './url-feedback.widget';
import { Widget, visibleText } from './widget';

export class RegistrySettingsWidget extends Widget {
  readonly feedback = new UrlFeedbackWidget(this.fixture);

  urlField(): HTMLInputElement {
    return this.byLabel('Container registry URL');
  }

  typeUrl(value: string): void {
    this.type(this.urlField(), value);
  }

  /** The URL CSE uses now, as the summary above the form shows it. */
  currentUrl(): string {
    return this.text('registry-url');
  }

  /** The form's submit button, whatever it says ("Save" or "Saving…"). */
  saveButton(): HTMLButtonElement {
    const button = this.root.querySelector<HTMLButtonElement>('form button[type="submit"]');
    if (!button) throw new Error('no save button');
    return button;
  }

  saveLabel(): string {
    return visibleText(this.saveButton());
  }

  canSave(): boolean {
    return !this.saveButton().disabled;
  }

  save(): void {
    this.click('Save');
  }

  /** Why Save is not offered, as written beside it ('' when nothing is). */
  reason(): string {
    return Array.from(this.root.querySelectorAll('.actions .reason'), visibleText).join(' ');
  }

  isSavedShown(): boolean {
    return this.text('saved') === 'Saved';
  }

  error(): string {
    return this.text('vcd-error');
  }

  conflict(): string {
    return this.text('conflict');
  }
}
