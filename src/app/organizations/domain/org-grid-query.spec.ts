import { FIRST_ORG_GRID_STATE, OrgGridState, OrgPageQuery, firstPageOf, isSameOrgQuery, orgPageQuery } from './org-grid-query';

interface QueryCase {
  readonly when: string;
  readonly state: OrgGridState;
  readonly search: string;
  readonly query: OrgPageQuery;
}

const comparator = { compare: (): number => 0 };

const queryCases: readonly QueryCase[] = [
  {
    when: 'the grid first asks',
    state: FIRST_ORG_GRID_STATE,
    search: '',
    query: { page: 1, pageSize: 25, search: '', sort: { by: 'name', reverse: false } },
  },
  {
    when: 'the grid sends no page',
    state: {},
    search: '',
    query: { page: 1, pageSize: 25, search: '', sort: { by: 'name', reverse: false } },
  },
  {
    when: 'the user is on page 3 of 100 and searches',
    state: { page: { current: 3, size: 100 } },
    search: 'acme',
    query: { page: 3, pageSize: 100, search: 'acme', sort: { by: 'name', reverse: false } },
  },
  {
    when: 'the user sorts by name, descending',
    state: { page: { current: 1, size: 50 }, sort: { by: 'name', reverse: true } },
    search: '',
    query: { page: 1, pageSize: 50, search: '', sort: { by: 'name', reverse: true } },
  },
  {
    when: 'the grid sorts by display name',
    state: { page: { current: 2, size: 25 }, sort: { by: 'displayName', reverse: false } },
    search: '',
    query: { page: 2, pageSize: 25, search: '', sort: { by: 'displayName', reverse: false } },
  },
  {
    when: 'the grid sorts by a column VCD cannot sort',
    state: { sort: { by: 'registry', reverse: true } },
    search: '',
    query: { page: 1, pageSize: 25, search: '', sort: { by: 'name', reverse: true } },
  },
  {
    when: 'the grid sorts with a comparator',
    state: { sort: { by: comparator, reverse: false } },
    search: 'x',
    query: { page: 1, pageSize: 25, search: 'x', sort: { by: 'name', reverse: false } },
  },
];

describe('organizations grid query', () => {
  describe('orgPageQuery', () => {
    for (const { when, state, search, query } of queryCases) {
      it(`asks VCD for one page when ${when}`, () => {
        expect(orgPageQuery(state, search)).toEqual(query);
      });
    }
  });

  describe('firstPageOf', () => {
    it('goes back to page 1 and keeps the page size and the sort', () => {
      const state: OrgGridState = { page: { current: 7, size: 50 }, sort: { by: 'displayName', reverse: true } };
      expect(firstPageOf(state)).toEqual({ page: { current: 1, size: 50 }, sort: { by: 'displayName', reverse: true } });
    });

    it('starts on page 1 when the grid sent no page', () => {
      expect(orgPageQuery(firstPageOf({}), '').page).toBe(1);
    });
  });

  describe('isSameOrgQuery', () => {
    const query = orgPageQuery({ page: { current: 2, size: 25 } }, 'acme');
    const cases: readonly { when: string; a: OrgPageQuery | undefined; b: OrgPageQuery | undefined; same: boolean }[] = [
      { when: 'the same page is asked again', a: query, b: orgPageQuery({ page: { current: 2, size: 25 } }, 'acme'), same: true },
      { when: 'the page differs', a: query, b: { ...query, page: 3 }, same: false },
      { when: 'the search differs', a: query, b: { ...query, search: 'acm' }, same: false },
      { when: 'the sort differs', a: query, b: { ...query, sort: { by: 'name', reverse: true } }, same: false },
      { when: 'nothing was asked yet', a: undefined, b: query, same: false },
    ];
    for (const { when, a, b, same } of cases) {
      it(`says ${same ? 'same' : 'different'} when ${when}`, () => {
        expect(isSameOrgQuery(a, b)).toBe(same);
      });
    }
  });
});
