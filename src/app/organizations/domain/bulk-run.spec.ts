import { BulkRun, advanceBulkRun, bulkRunPercent, cancelBulkRun, finishBulkRun, isBulkRunning, skippedBy, startBulkRun } from './bulk-run';
import { OrgCheckProgress } from './org-check-progress';
import { OrgSummary } from './org-row';

const ACME: OrgSummary = { id: 'urn:vcloud:org:acme', name: 'acme', displayName: 'ACME Corporation', isEnabled: true };
const GLOBEX: OrgSummary = { id: 'urn:vcloud:org:globex', name: 'globex', displayName: 'globex', isEnabled: true };

interface ReduceCase {
  readonly when: string;
  readonly events: readonly OrgCheckProgress[];
  readonly expected: Partial<BulkRun>;
}

const cases: readonly ReduceCase[] = [
  { when: 'nothing happened yet', events: [], expected: { done: 0, failed: 0, current: [] } },
  { when: 'an organization is queued', events: [{ org: ACME, phase: 'queued' }], expected: { done: 0, current: [] } },
  {
    when: 'an organization starts its registry check',
    events: [{ org: ACME, phase: 'registry' }],
    expected: { done: 0, current: [{ orgId: ACME.id, org: 'acme', phase: 'registry' }] },
  },
  {
    when: 'an organization moves on to its images, in the place it started',
    events: [
      { org: ACME, phase: 'registry' },
      { org: GLOBEX, phase: 'registry' },
      { org: ACME, phase: 'dependencies', images: { done: 3, total: 40 } },
    ],
    expected: {
      current: [
        { orgId: ACME.id, org: 'acme', phase: 'dependencies', images: '3/40' },
        { orgId: GLOBEX.id, org: 'globex', phase: 'registry' },
      ],
    },
  },
  {
    when: 'an organization is done',
    events: [
      { org: ACME, phase: 'saving' },
      { org: ACME, phase: 'done' },
    ],
    expected: { done: 1, failed: 0, current: [] },
  },
  {
    when: 'an organization failed: it counts as done and as failed',
    events: [
      { org: GLOBEX, phase: 'registry' },
      { org: GLOBEX, phase: 'failed', error: new Error('boom') },
    ],
    expected: { done: 1, failed: 1, current: [] },
  },
  {
    when: 'an organization in flight is cancelled: it leaves the list without counting as done',
    events: [
      { org: ACME, phase: 'done' },
      { org: GLOBEX, phase: 'dependencies' },
      { org: GLOBEX, phase: 'cancelled' },
    ],
    expected: { done: 1, failed: 0, current: [] },
  },
];

describe('bulk check run', () => {
  describe('advanceBulkRun', () => {
    for (const { when, events, expected } of cases) {
      it(`counts and lists what is in flight when ${when}`, () => {
        const run = events.reduce(advanceBulkRun, startBulkRun(2));
        expect(run).toEqual(jasmine.objectContaining({ total: 2, finished: false, cancelled: false, ...expected }));
      });
    }
  });

  describe('when the user cancels', () => {
    it('keeps counting what still reports, and says how many were left unchecked once finished', () => {
      let run = advanceBulkRun(startBulkRun(3), { org: ACME, phase: 'done' });
      run = cancelBulkRun(run);
      run = advanceBulkRun(run, { org: GLOBEX, phase: 'cancelled' });
      run = finishBulkRun(run);
      expect(run).toEqual({ total: 3, done: 1, failed: 0, current: [], finished: true, cancelled: true });
      expect(skippedBy(run)).toBe(2);
    });
  });

  describe('finishBulkRun', () => {
    it('ends the run with nothing in flight, keeping the counts', () => {
      const run = advanceBulkRun(advanceBulkRun(startBulkRun(2), { org: ACME, phase: 'done' }), { org: GLOBEX, phase: 'saving' });
      expect(finishBulkRun(run)).toEqual({ total: 2, done: 1, failed: 0, current: [], finished: true, cancelled: false });
    });
  });

  describe('bulkRunPercent', () => {
    const percents: readonly { total: number; done: number; percent: number }[] = [
      { total: 0, done: 0, percent: 0 },
      { total: 3, done: 0, percent: 0 },
      { total: 3, done: 1, percent: 33 },
      { total: 3, done: 2, percent: 67 },
      { total: 3, done: 3, percent: 100 },
    ];
    for (const { total, done, percent } of percents) {
      it(`shows ${percent}% when ${done} of ${total} are done`, () => {
        expect(bulkRunPercent({ ...startBulkRun(total), done })).toBe(percent);
      });
    }
  });

  describe('isBulkRunning', () => {
    const states: readonly { when: string; run: BulkRun | undefined; running: boolean }[] = [
      { when: 'no run was started', run: undefined, running: false },
      { when: 'a run was started', run: startBulkRun(1), running: true },
      { when: 'a cancelled run still waits for its checks to stop', run: cancelBulkRun(startBulkRun(1)), running: true },
      { when: 'the run finished', run: finishBulkRun(startBulkRun(1)), running: false },
    ];
    for (const { when, run, running } of states) {
      it(`says ${running ? 'running' : 'not running'} when ${when}`, () => {
        expect(isBulkRunning(run)).toBe(running);
      });
    }
  });
});
