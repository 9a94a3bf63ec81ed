import { RestartMark, afterRegistrySaved, afterRestartDone, pendingRestart, readRestartMark } from './restart-mark';

const URL = 'harbor.corp.local/cse';

describe('pendingRestart', () => {
  const rows: readonly (readonly [string, RestartMark | undefined, boolean])[] = [
    ['nothing saved through the plug-in', undefined, false],
    ['a save no restart followed', { url: URL, savedAt: '2026-01-02T10:00:00Z' }, true],
    ['a restart after the save', { url: URL, savedAt: '2026-01-02T10:00:00Z', restartDoneAt: '2026-01-02T10:05:00Z' }, false],
    ['a restart marked before the save', { url: URL, savedAt: '2026-01-03T10:00:00Z', restartDoneAt: '2026-01-02T10:05:00Z' }, true],
    ['a save of another URL (changed outside the plug-in since)', { url: 'other.local/cse', savedAt: '2026-01-02T10:00:00Z' }, false],
  ];
  for (const [when, mark, pending] of rows) {
    it(`${pending ? 'is' : 'is not'} pending after ${when}`, () => {
      expect(pendingRestart(mark, URL) !== undefined).toBe(pending);
    });
  }

  it('follows a save, then a restart', () => {
    const saved = afterRegistrySaved(URL, new Date('2026-01-02T10:00:00Z'));
    expect(pendingRestart(saved, URL)).toEqual({ savedAt: '2026-01-02T10:00:00.000Z', url: URL });
    expect(pendingRestart(afterRestartDone(saved, new Date('2026-01-02T10:01:00Z')), URL)).toBeUndefined();
  });

  it('is pending again after a new save of the same URL', () => {
    const restarted = afterRestartDone(afterRegistrySaved(URL, new Date('2026-01-02T10:00:00Z')), new Date('2026-01-02T10:01:00Z'));
    expect(pendingRestart(afterRegistrySaved(restarted.url, new Date('2026-01-02T11:00:00Z')), URL)).toBeDefined();
  });
});

describe('readRestartMark', () => {
  it('reads a mark a save wrote, and drops unknown fields', () => {
    expect(readRestartMark({ url: URL, savedAt: '2026-01-02T10:00:00.000Z', note: 'x' })).toEqual({
      url: URL,
      savedAt: '2026-01-02T10:00:00.000Z',
    });
  });

  it('reads a mark with its restart', () => {
    const mark = { url: URL, savedAt: '2026-01-02T10:00:00.000Z', restartDoneAt: '2026-01-02T10:05:00.000Z' };
    expect(readRestartMark(mark)).toEqual(mark);
  });

  const refused: readonly (readonly [string, unknown])[] = [
    ['nothing', undefined],
    ['null', null],
    ['a string', URL],
    ['an array', [URL]],
    ['no URL', { savedAt: '2026-01-02T10:00:00Z' }],
    ['no save time', { url: URL }],
    ['a save time that is not a time', { url: URL, savedAt: 'yesterday' }],
    ['a restart time that is not a time', { url: URL, savedAt: '2026-01-02T10:00:00Z', restartDoneAt: true }],
    ['a URL with credentials', { url: 'admin:Harbor12345@harbor.corp.local/cse', savedAt: '2026-01-02T10:00:00Z' }],
    ['a URL with a scheme', { url: `https://${URL}`, savedAt: '2026-01-02T10:00:00Z' }],
    ['a URL that is not canonical', { url: 'Harbor.Corp.Local/cse', savedAt: '2026-01-02T10:00:00Z' }],
  ];
  for (const [what, value] of refused) {
    it(`drops ${what}`, () => {
      expect(readRestartMark(value)).toBeUndefined();
    });
  }
});
