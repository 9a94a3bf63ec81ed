import { PluginSettings, afterRegistrySaved, afterRestartDone, pendingRestart, readPluginSettings } from './plugin-settings';

const URL = 'harbor.corp.local/cse';

describe('pendingRestart', () => {
  const rows: readonly (readonly [string, PluginSettings | undefined, boolean])[] = [
    ['nothing saved through the plug-in', undefined, false],
    ['a save no restart followed', { registrySavedAt: '2026-01-02T10:00:00Z', registrySavedUrl: URL }, true],
    [
      'a restart after the save',
      { registrySavedAt: '2026-01-02T10:00:00Z', registrySavedUrl: URL, restartDoneAt: '2026-01-02T10:05:00Z' },
      false,
    ],
    [
      'a save after the last restart',
      { registrySavedAt: '2026-01-03T10:00:00Z', registrySavedUrl: URL, restartDoneAt: '2026-01-02T10:05:00Z' },
      true,
    ],
    [
      'a save of another URL (changed outside the plug-in since)',
      { registrySavedAt: '2026-01-02T10:00:00Z', registrySavedUrl: 'other.local/cse' },
      false,
    ],
  ];
  for (const [when, settings, pending] of rows) {
    it(`${pending ? 'is' : 'is not'} pending after ${when}`, () => {
      expect(pendingRestart(settings, URL) !== undefined).toBe(pending);
    });
  }

  it('follows a save, then a restart', () => {
    const saved = afterRegistrySaved({ sourceRegistry: 'mirror.local' }, URL, new Date('2026-01-02T10:00:00Z'));
    expect(pendingRestart(saved, URL)).toEqual({ savedAt: '2026-01-02T10:00:00.000Z', url: URL });
    const restarted = afterRestartDone(saved, new Date('2026-01-02T10:01:00Z'));
    expect(pendingRestart(restarted, URL)).toBeUndefined();
    expect(restarted.sourceRegistry).toBe('mirror.local');
  });
});

describe('readPluginSettings', () => {
  it('keeps the known string fields only', () => {
    expect(readPluginSettings({ sourceRegistry: 'a.b', restartDoneAt: 5, other: 'x' })).toEqual({ sourceRegistry: 'a.b' });
  });
  for (const value of [undefined, null, 'x', []]) {
    it(`reads ${JSON.stringify(value)} as nothing`, () => {
      expect(readPluginSettings(value)).toBeUndefined();
    });
  }
});
