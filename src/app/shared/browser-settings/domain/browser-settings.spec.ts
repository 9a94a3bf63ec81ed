import { MAX_STORED_SETTINGS_CHARS, browserSettingsKey, readIsoTime, readStoredSettings, withSection } from './browser-settings';

describe('browserSettingsKey', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['https://vcd.example.com', 'cse-airgap:https://vcd.example.com:settings'],
    ['https://vcd.example.com/', 'cse-airgap:https://vcd.example.com:settings'],
    ['https://vcd.example.com:8443/tenant', 'cse-airgap:https://vcd.example.com:8443/tenant:settings'],
  ];
  for (const [root, key] of cases) {
    it(`names the settings of ${root} ${key}`, () => {
      expect(browserSettingsKey(root)).toBe(key);
    });
  }

  it('keeps two VCD sites apart', () => {
    expect(browserSettingsKey('https://vcd-a.example.com')).not.toBe(browserSettingsKey('https://vcd-b.example.com'));
  });
});

describe('readStoredSettings', () => {
  it('reads nothing stored as nothing', () => {
    expect(readStoredSettings(null)).toBeUndefined();
  });

  it('reads a JSON object of sections', () => {
    expect(readStoredSettings('{"sourceRegistry":"mirror.local"}')).toEqual({ sourceRegistry: 'mirror.local' });
  });

  const unreadable: readonly (readonly [string, string])[] = [
    ['text that is not JSON', 'harbor.local'],
    ['a cut JSON object', '{"sourceRegistry":'],
    ['a JSON array', '["mirror.local"]'],
    ['a JSON string', '"mirror.local"'],
    ['JSON null', 'null'],
    ['more than the cap', `{"x":"${'a'.repeat(MAX_STORED_SETTINGS_CHARS)}"}`],
  ];
  for (const [what, raw] of unreadable) {
    it(`finds ${what} unreadable`, () => {
      expect(readStoredSettings(raw)).toBe('unreadable');
    });
  }
});

describe('withSection', () => {
  it('sets a section and keeps the others', () => {
    expect(withSection({ a: 1 }, 'b', 2)).toEqual({ a: 1, b: 2 });
  });

  it('removes a section set to undefined', () => {
    expect(withSection({ a: 1, b: 2 }, 'b', undefined)).toEqual({ a: 1 });
  });

  it('starts from nothing', () => {
    expect(withSection(undefined, 'a', 'x')).toEqual({ a: 'x' });
  });
});

describe('readIsoTime', () => {
  const cases: readonly (readonly [unknown, string | undefined])[] = [
    ['2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00.000Z'],
    ['2026-03-01T09:00:00Z', '2026-03-01T09:00:00Z'],
    ['2026-13-01T09:00:00Z', undefined],
    ['2026-03-01', undefined],
    ['yesterday', undefined],
    [1772355600000, undefined],
    [null, undefined],
  ];
  for (const [value, read] of cases) {
    it(`reads ${JSON.stringify(value)} as ${read ?? 'nothing'}`, () => {
      expect(readIsoTime(value)).toBe(read);
    });
  }
});
