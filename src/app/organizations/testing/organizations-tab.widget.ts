import { ComponentFixture } from '@angular/core/testing';
import { AssignDialogWidget } from './assign-dialog.widget';
import { BulkProgressWidget } from './bulk-progress.widget';
import { TenantAccessPanelWidget } from './tenant-access-panel.widget';
import { ShownMessage, Widget } from './widget';

type RowAction = 'assign' | 'check-one' | 'toggle-recheck' | 'remove';

/** The provider's Organizations tab as a user sees it: the grid, its row actions, the notice and the panels. */
export class OrganizationsTabWidget extends Widget {
  readonly tenantAccess: TenantAccessPanelWidget;
  readonly assignDialog: AssignDialogWidget;
  readonly bulkProgress: BulkProgressWidget;

  constructor(fixture: ComponentFixture<unknown>) {
    super(fixture);
    this.tenantAccess = new TenantAccessPanelWidget(fixture);
    this.assignDialog = new AssignDialogWidget(fixture);
    this.bulkProgress = new BulkProgressWidget(fixture);
  }

  /** The organizations shown in the grid, in order. */
  rowNames(): string[] {
    return Array.from(this.root.querySelectorAll('clr-dg-row'), (row) => row.getAttribute('data-org') ?? '');
  }

  /** What one cell of an organization's row shows ('cell-registry', 'cell-images', …). */
  cell(org: string, test: string): string {
    return this.find(test, this.row(org))?.textContent ?? '';
  }

  /** "first–last of total" under the grid. */
  range(): ShownMessage | undefined {
    return this.message('orgs-range');
  }

  notice(): ShownMessage | undefined {
    return this.message('orgs-notice');
  }

  select(...orgs: string[]): void {
    for (const org of orgs) {
      const box = this.row(org).querySelector<HTMLInputElement>('.datagrid-select input[type="checkbox"]');
      if (!box) throw new Error(`no selection box for ${org}`);
      box.click();
      this.settle();
    }
  }

  canCheckSelected(): boolean {
    return !this.isDisabled('check-selected');
  }

  checkSelected(): void {
    this.click('check-selected');
  }

  reload(): void {
    this.click('orgs-reload');
  }

  /** Opens the row's action menu and picks one action. */
  rowAction(org: string, action: RowAction): void {
    const toggle = this.row(org).querySelector<HTMLButtonElement>('clr-dg-action-overflow button.datagrid-action-toggle');
    if (!toggle) throw new Error(`no action menu for ${org}`);
    toggle.click();
    this.settle();
    this.click(action, this.root.ownerDocument);
  }

  confirmRemoval(): void {
    this.click('remove-confirm');
  }

  private row(org: string): HTMLElement {
    const row = this.root.querySelector<HTMLElement>(`clr-dg-row[data-org="${org}"]`);
    if (!row) throw new Error(`no row for ${org}`);
    return row;
  }
}
