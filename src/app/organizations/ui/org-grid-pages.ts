/*
 * The rows of the Organizations grid: one page read from VCD as the datagrid asks (first display,
 * paging, sorting, a new search), never the full list. The grid may ask again for the page just
 * asked for (e.g. its pager following a search); that is not read twice.
 */
import { DestroyRef, Injectable, inject } from '@angular/core';
import { FormControl } from '@angular/forms';
import { PageReader } from '../../shared/ui';
import { VcdError, toVcdError } from '../../vcd';
import { OrgRowsPage, OrganizationsService } from '../data/organizations.service';
import { FIRST_ORG_GRID_STATE, OrgGridState, OrgPageQuery, firstPageOf, isSameOrgQuery, orgPageQuery } from '../domain/org-grid-query';

@Injectable()
export class OrgGridPages {
  private readonly organizations = inject(OrganizationsService);
  private lastState: OrgGridState = FIRST_ORG_GRID_STATE;
  private lastQuery?: OrgPageQuery;
  private readonly reader = new PageReader<OrgRowsPage, VcdError>({ total: 0, rows: [] }, toVcdError, inject(DestroyRef), true);

  readonly search = new FormControl('', { nonNullable: true });
  readonly page = this.reader.page;
  readonly loading = this.reader.loading;
  /** The tab's one error: a page read successfully clears it. */
  readonly error = this.reader.error;

  /** The datagrid asks for a page. */
  refresh(state: OrgGridState, force = false): void {
    this.lastState = state;
    const query = orgPageQuery(state, this.search.value);
    if (!force && isSameOrgQuery(query, this.lastQuery)) return;
    this.lastQuery = query;
    this.reader.read(this.organizations.rows(query), () => (this.lastQuery = undefined));
  }

  /** A new search starts on page 1, asked for at once. */
  readFirstPage(): void {
    this.refresh(firstPageOf(this.lastState));
  }

  /** Reads the page shown again (after a change, or when the user asks). */
  reload(): void {
    this.refresh(this.lastState, true);
  }
}
