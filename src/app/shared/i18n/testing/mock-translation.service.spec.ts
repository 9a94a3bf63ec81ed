import { MockTranslationService } from './mock-translation.service';

describe('MockTranslationService', () => {
  it('writes the key and the parameters as JSON, as the specs read them', () => {
    expect(new MockTranslationService().translate('app.count', [{ n: 2 }])).toBe('{"key":"app.count","params":[{"n":2}]}');
  });

  it('gives the same text at once to a subscriber', () => {
    const seen: string[] = [];
    new MockTranslationService().translateAsync('app.title', []).subscribe((text) => seen.push(text));
    expect(seen).toEqual(['{"key":"app.title","params":[]}']);
  });
});
