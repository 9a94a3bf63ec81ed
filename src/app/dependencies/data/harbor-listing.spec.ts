import { HARBOR_PAGE_SIZE, hasNextPage } from './harbor-listing';

describe('hasNextPage', () => {
  const FULL = HARBOR_PAGE_SIZE;
  const cases: [string, number, number, string | null, boolean][] = [
    ['asks again after a full page when no count is given', FULL, FULL, null, true],
    ['stops at a short page', 40, 140, null, false],
    ['stops at an empty page', 0, 200, null, false],
    ['stops once X-Total-Count items are read, sparing an empty page', FULL, 200, '200', false],
    ['asks again after a full page while X-Total-Count says more', FULL, 200, '250', true],
    ['stops at a short page whatever X-Total-Count claims', 40, 140, '1000000000000', false],
    ['ignores an X-Total-Count that is not a count', FULL, FULL, 'many', true],
    ['ignores an empty X-Total-Count', FULL, FULL, ' ', true],
    ['ignores a negative X-Total-Count', FULL, FULL, '-1', true],
  ];
  for (const [behaviour, pageLength, read, totalCount, expected] of cases) {
    it(behaviour, () => expect(hasNextPage(pageLength, read, totalCount)).toBe(expected));
  }
});
