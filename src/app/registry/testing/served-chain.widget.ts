/* Reads the served-chain table as a user does: its title, and each certificate by column heading. */
import { Widget, visibleText } from './widget';

export class ServedChainWidget extends Widget {
  title(): string {
    const heading = this.root.querySelector('h4');
    return heading ? visibleText(heading) : '';
  }

  /** One record per certificate, keyed by the column headings shown. */
  certificates(): Record<string, string>[] {
    const table = this.byTestId('served-chain');
    if (!table) return [];
    const headings = Array.from(table.querySelectorAll('thead th'), visibleText);
    return Array.from(table.querySelectorAll('tbody tr'), (row) => {
      const cells = Array.from(row.querySelectorAll('td'), visibleText);
      return Object.fromEntries(headings.map((heading, index) => [heading, cells[index] ?? '']));
    });
  }
}
