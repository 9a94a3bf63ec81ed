import { ShownMessage, Widget } from './widget';

/** The overall progress of checking organizations, and what a finished run did. */
export class BulkProgressWidget extends Widget {
  isShown(): boolean {
    return this.has('bulk-progress');
  }

  isFinished(): boolean {
    return this.find('bulk-progress')?.getAttribute('data-finished') === 'true';
  }

  /** "n of total" while running. */
  counts(): ShownMessage | undefined {
    return this.message('bulk-counts');
  }

  /** The organizations in flight as shown ("acme: …phase… 3/40"). */
  inFlight(): string[] {
    return Array.from(this.root.querySelectorAll('[data-test="bulk-in-flight"]'), (item) => item.textContent?.trim() ?? '');
  }

  percentShown(): number | undefined {
    const value = this.root.querySelector('clr-progress-bar progress')?.getAttribute('value');
    return value === null || value === undefined ? undefined : Number(value);
  }

  canCancel(): boolean {
    return this.has('bulk-cancel') && !this.isDisabled('bulk-cancel');
  }

  cancel(): void {
    this.click('bulk-cancel');
  }

  /** After the run: how many were done and failed. */
  summary(): ShownMessage | undefined {
    return this.message('bulk-done');
  }

  /** After a cancelled run: how many were left unchecked. */
  skipped(): ShownMessage | undefined {
    return this.message('bulk-skipped');
  }
}
