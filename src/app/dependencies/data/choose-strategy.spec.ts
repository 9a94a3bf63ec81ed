import { DetectedRegistry, PresenceStrategy, chooseStrategy } from './choose-strategy';

describe('chooseStrategy', () => {
  const cases: ReadonlyArray<[DetectedRegistry, PresenceStrategy, string]> = [
    [{ harbor: true, access: 'extApi' }, 'harborRest', 'Harbor through /ext-api: REST answers anonymously, /v2 would need a token'],
    [{ harbor: true, access: 'direct' }, 'ociDistribution', 'Harbor reached directly: check what nodes pull, token and all'],
    [{ harbor: false, access: 'direct' }, 'ociDistribution', 'any registry reached directly'],
    [{ harbor: false, access: 'extApi' }, 'ociDistribution', 'another registry through /ext-api: its only API'],
  ];
  for (const [detected, expected, why] of cases) {
    it(`picks ${expected} for ${why}`, () => expect(chooseStrategy(detected)).toBe(expected));
  }
});
