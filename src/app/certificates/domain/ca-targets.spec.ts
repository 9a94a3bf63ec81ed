import { Addition, CaTarget, hasChanges, planTarget, storedProblems } from './ca-targets';

const both = new Set<CaTarget>(['bootstrap', 'nodes']);
const nodesOnly = new Set<CaTarget>(['nodes']);

describe('planTarget', () => {
  const stored = [
    { pem: 'A-pem', fingerprint: 'A' },
    { pem: 'B-pem', fingerprint: 'B' },
    { pem: 'C-pem', fingerprint: 'C' },
  ];

  it('keeps stored entries in order and text, appending additions once', () => {
    const additions: Addition[] = [
      { pem: 'D-pem', fingerprint: 'D', targets: both },
      { pem: 'D-pem', fingerprint: 'D', targets: both },
    ];
    const plan = planTarget('nodes', stored, new Set(), additions);
    expect(plan.result).toEqual(['A-pem', 'B-pem', 'C-pem', 'D-pem']);
    expect(plan.added).toEqual(['D-pem']);
    expect(hasChanges(plan)).toBeTrue();
  });

  it('does not add a certificate the list already holds', () => {
    const plan = planTarget('nodes', stored, new Set(), [{ pem: 'B-other-text', fingerprint: 'B', targets: both }]);
    expect(plan.result).toEqual(['A-pem', 'B-pem', 'C-pem']);
    expect(plan.alreadyThere).toEqual(['B-other-text']);
    expect(hasChanges(plan)).toBeFalse();
  });

  it('removes only what was explicitly removed, keeping the order of the rest', () => {
    const plan = planTarget('bootstrap', stored, new Set([1]), []);
    expect(plan.result).toEqual(['A-pem', 'C-pem']);
    expect(plan.removed).toEqual(['B-pem']);
  });

  it('re-adds a removed certificate when it is also an addition (replace by the normalised text)', () => {
    const plan = planTarget('nodes', stored, new Set([0]), [{ pem: 'A-normalised', fingerprint: 'A', targets: both }]);
    expect(plan.result).toEqual(['B-pem', 'C-pem', 'A-normalised']);
  });

  it('honours the per-certificate opt-out of a target', () => {
    const additions: Addition[] = [{ pem: 'N-pem', fingerprint: 'N', targets: nodesOnly }];
    expect(planTarget('bootstrap', stored, new Set(), additions).added).toEqual([]);
    expect(planTarget('nodes', stored, new Set(), additions).added).toEqual(['N-pem']);
  });
});

describe('storedProblems', () => {
  it('flags unreadable, non-CA, expired, duplicated and multi-block entries', () => {
    expect(
      storedProblems([
        { fingerprint: 'A', isCa: true, blockCount: 1 },
        { blockCount: 0 },
        { fingerprint: 'L', isCa: false, blockCount: 1 },
        { fingerprint: 'E', isCa: true, isExpired: true, blockCount: 1 },
        { fingerprint: 'A', isCa: true, blockCount: 1 },
        { fingerprint: 'M', isCa: true, blockCount: 2 },
      ]),
    ).toEqual([[], ['unreadable'], ['notCa'], ['expired'], ['duplicate'], ['severalBlocks']]);
  });
});
