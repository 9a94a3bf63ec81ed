/*
 * What the Organizations grid asks VCD for: the datagrid's page and sort plus the search text, as
 * one page query. The grid sorts by name or display name only (VCD sorts the organizations list by
 * those); anything else it sends falls back to the name.
 */

export const ORG_PAGE_SIZES = [25, 50, 100] as const;

export interface OrgPageQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly search: string;
  readonly sort?: { readonly by: 'name' | 'displayName'; readonly reverse: boolean };
}

/** The part of the datagrid's state the query reads (Clarity's datagrid state is one). */
export interface OrgGridState {
  readonly page?: { readonly current?: number; readonly size?: number };
  readonly sort?: { readonly by?: unknown; readonly reverse?: boolean };
}

/** The grid before it first asks: page 1 of the smallest size. */
export const FIRST_ORG_GRID_STATE: OrgGridState = { page: { current: 1, size: ORG_PAGE_SIZES[0] } };

export function orgPageQuery(state: OrgGridState, search: string): OrgPageQuery {
  const by = state.sort?.by;
  return {
    page: state.page?.current ?? 1,
    pageSize: state.page?.size ?? ORG_PAGE_SIZES[0],
    search,
    sort: { by: by === 'displayName' || by === 'name' ? by : 'name', reverse: state.sort?.reverse === true },
  };
}

/** A new search starts on page 1, keeping the page size and the sort. */
export function firstPageOf(state: OrgGridState): OrgGridState {
  return { ...state, page: { ...state.page, current: 1 } };
}

/** Two queries ask for the same page (the grid may ask again for the page just asked for). */
export function isSameOrgQuery(a: OrgPageQuery | undefined, b: OrgPageQuery | undefined): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
