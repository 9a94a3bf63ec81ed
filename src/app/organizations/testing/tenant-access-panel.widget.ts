import { Widget } from './widget';

/** What tenant administrators need to read their status page, and the confirmation that sets it up. */
export class TenantAccessPanelWidget extends Widget {
  isShown(): boolean {
    return this.has('tenant-access');
  }

  isReady(): boolean {
    return this.has('tenant-access-ready');
  }

  isNoRight(): boolean {
    return this.has('tenant-access-no-right');
  }

  /** The changes listed, as shown. */
  plan(): string {
    return this.text('tenant-access-plan');
  }

  isConfirming(): boolean {
    return this.has('tenant-access-confirm');
  }

  review(): void {
    this.click('tenant-access-review');
  }

  apply(): void {
    this.click('tenant-access-apply');
  }

  cancelConfirmation(): void {
    this.click('tenant-access-cancel');
  }
}
