import { isMultiplexed, resourceTimingProtocol } from './page-protocol';

describe('resourceTimingProtocol', () => {
  it("reads the page's own hop for a URL of the page's origin (/ext-api), even without a timing entry of its own", () => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    expect(navigation?.nextHopProtocol).toBeTruthy();
    expect(resourceTimingProtocol(`${location.origin}/ext-api/never-fetched/v2/`)).toBe(navigation?.nextHopProtocol);
  });

  it('knows nothing of another origin the page has not fetched', () => {
    expect(resourceTimingProtocol('https://registry.example.com/v2/never-fetched')).toBeUndefined();
  });
});

describe('isMultiplexed', () => {
  const cases: [string | undefined, boolean][] = [
    ['h2', true],
    ['h3', true],
    ['h3-29', true],
    ['http/1.1', false],
    ['', false],
    [undefined, false],
  ];
  for (const [protocol, expected] of cases) {
    it(`${String(protocol)} → ${expected}`, () => expect(isMultiplexed(protocol)).toBe(expected));
  }
});
