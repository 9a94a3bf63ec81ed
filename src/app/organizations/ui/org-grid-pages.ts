/*
 * The rows of the Organizations grid: one page read from VCD as the datagrid asks (first display,
 * paging, sorting, a new search), never the full list. The grid may ask again for the page just
 * asked for (e.g. its pager following a search); that is not read twice.
 */
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { FormControl } from '@angular/forms';
import { Subscription } from 'rxjs';
import { untilDestroyed } from '../../shared/rx';
import { VcdError, toVcdError } from '../../vcd';
import { OrgRowsPage, OrganizationsService } from '../data/organizations.service';
import { FIRST_ORG_GRID_STATE, OrgGridState, OrgPageQuery, firstPageOf, isSameOrgQuery, orgPageQuery } from '../domain/org-grid-query';

@Injectable()
export class OrgGridPages {
  private readonly organizations = inject(OrganizationsService);
  private readonly destroyRef = inject(DestroyRef);
  private lastState: OrgGridState = FIRST_ORG_GRID_STATE;
  private lastQuery?: OrgPageQuery;
  private reading?: Subscription;

  readonly search = new FormControl('', { nonNullable: true });
  readonly page = signal<OrgRowsPage>({ total: 0, rows: [] });
  readonly loading = signal(true);
  /** The tab's one error: a page read successfully clears it. */
  readonly error = signal<VcdError | undefined>(undefined);

  /** The datagrid asks for a page. */
  refresh(state: OrgGridState, force = false): void {
    this.lastState = state;
    const query = orgPageQuery(state, this.search.value);
    if (!force && isSameOrgQuery(query, this.lastQuery)) return;
    this.lastQuery = query;
    this.loading.set(true);
    this.reading?.unsubscribe();
    this.reading = this.organizations
      .rows(query)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.page.set(page);
          this.loading.set(false);
          this.error.set(undefined);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.lastQuery = undefined;
          this.error.set(toVcdError(error));
        },
      });
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
