import { HttpHeaders } from '@angular/common/http';
import { parseBearerChallenge } from './bearer-tokens';
import { CheckFailed } from './check-run';
import { MAX_HEADER_LENGTH, boundedHeader, nextLinkTarget, parseChallenges } from './header-syntax';

const params = (header: string): [string, Record<string, string>][] =>
  parseChallenges(header).map((challenge) => [challenge.scheme, Object.fromEntries(challenge.params)]);

describe('parseChallenges', () => {
  const cases: [string, string, [string, Record<string, string>][]][] = [
    [
      'reads a Bearer challenge',
      'Bearer realm="https://r/token",service="reg"',
      [['Bearer', { realm: 'https://r/token', service: 'reg' }]],
    ],
    [
      'tells challenges apart by the token before each `=`',
      'Basic realm="basic", Bearer realm="https://r/token", error="invalid_token"',
      [
        ['Basic', { realm: 'basic' }],
        ['Bearer', { realm: 'https://r/token', error: 'invalid_token' }],
      ],
    ],
    ['undoes backslash escapes in a quoted value', 'Bearer realm="a\\"b\\\\c"', [['Bearer', { realm: 'a"b\\c' }]]],
    ['allows spaces around `=` and names in any case', 'Bearer Realm = "x" ,SERVICE= y', [['Bearer', { realm: 'x', service: 'y' }]]],
    ['drops a value whose quote never closes', 'Bearer service="s", realm="https://r/token', [['Bearer', { service: 's' }]]],
    ['keeps a scheme without parameters', 'Negotiate', [['Negotiate', {}]]],
    ['drops parameters before any scheme', 'realm="x", Bearer', [['Bearer', {}]]],
    ['steps over characters that fit nowhere', '"; Bearer ;realm="x"', [['Bearer', { realm: 'x' }]]],
    ['finds nothing in an empty header', '', []],
  ];
  for (const [behaviour, header, expected] of cases) {
    it(behaviour, () => expect(params(header)).toEqual(expected));
  }
});

describe('nextLinkTarget', () => {
  const cases: [string, string, string | undefined][] = [
    ['reads the next link of a tag list', '</v2/cse/etcd/tags/list?last=v1&n=100>; rel="next"', '/v2/cse/etcd/tags/list?last=v1&n=100'],
    ["skips Harbor's prev link", '</api/x?page=1>; rel="prev" , </api/x?page=3>; rel="next"', '/api/x?page=3'],
    ['reads an unquoted rel in any case', '<https://r/v2/x?n=1>;REL=Next', 'https://r/v2/x?n=1'],
    ['reads next among several relation types', '</a>; title="a, b; c"; rel="last next"', '/a'],
    ['finds no next among other relations', '</a>; rel="prev", </b>; rel=first', undefined],
    ['finds no next in a link without parameters', '</a>', undefined],
    ['stops at a `<` that never closes', '<' + '/a; rel="next"', undefined],
    ['stops at a quote that never closes', '</a>; title="x, </b>; rel=next', undefined],
    ['finds nothing in an empty header', '', undefined],
  ];
  for (const [behaviour, header, expected] of cases) {
    it(behaviour, () => expect(nextLinkTarget(header)).toBe(expected));
  }
});

/*
 * The largest headers the readers accept, shaped to make a backtracking pattern try again from
 * every position. The regular expressions these readers replace took 20 to 30 s on 64 KiB of
 * such text; one forward pass takes milliseconds. The bound is generous on purpose: it fails a
 * quadratic reader by many seconds and never a slow machine.
 */
describe('header readers on 64 KiB of hostile text', () => {
  const BOUND_MS = 2000;
  const fill = (prefix: string, unit: string): string =>
    prefix + unit.repeat(Math.floor((MAX_HEADER_LENGTH - prefix.length) / unit.length));
  const challenges: [string, string][] = [
    ['letters that never reach `=`', fill('Bearer ', 'a')],
    ['a=",a=",…', fill('Bearer ', 'a=",')],
    ['commas', fill('Bearer realm="x"', ',')],
    ['quotes', fill('Bearer realm=', '"')],
    ['an unterminated quote', fill('Bearer realm="', 'a')],
    ['escapes in an unterminated quote', fill('Bearer realm="', '\\a')],
    ['schemes only', fill('', 'Bearer ')],
  ];
  for (const [what, header] of challenges) {
    it(`reads a WWW-Authenticate of ${what} in one pass`, () => {
      const started = performance.now();
      parseBearerChallenge(header);
      expect(performance.now() - started).toBeLessThan(BOUND_MS);
    });
  }
  const links: [string, string][] = [
    ['`<` without `>`', fill('', '<')],
    ['links without parameters', fill('', '<a>')],
    ['semicolons', fill('<a>', ';')],
    ['empty rel values', fill('<a>', '; rel=')],
    ['commas', fill('<a>; rel="next"', ',')],
    ['an unterminated quote', fill('<a>; rel="', 'a')],
  ];
  for (const [what, header] of links) {
    it(`reads a Link of ${what} in one pass`, () => {
      const started = performance.now();
      nextLinkTarget(header);
      expect(performance.now() - started).toBeLessThan(BOUND_MS);
    });
  }

  it('refuses to read past 64 KiB', () => {
    const oversized = `Bearer realm="https://r/token"${' '.repeat(MAX_HEADER_LENGTH)}`;
    expect(parseBearerChallenge(oversized)).toBeUndefined();
    expect(nextLinkTarget(`</a>; rel=next${' '.repeat(MAX_HEADER_LENGTH)}`)).toBeUndefined();
  });
});

describe('boundedHeader', () => {
  it('returns a header of up to 64 KiB, and null for an absent one', () => {
    const headers = new HttpHeaders({ Link: 'x'.repeat(MAX_HEADER_LENGTH) });
    expect(boundedHeader(headers, 'Link')?.length).toBe(MAX_HEADER_LENGTH);
    expect(boundedHeader(headers, 'WWW-Authenticate')).toBeNull();
  });

  it('refuses a longer one with a failure that names it and its size', () => {
    const headers = new HttpHeaders({ 'WWW-Authenticate': 'x'.repeat(1_048_576) });
    let failure: unknown;
    try {
      boundedHeader(headers, 'WWW-Authenticate');
    } catch (error) {
      failure = error;
    }
    expect(failure instanceof CheckFailed ? failure.failure : failure).toEqual({
      kind: 'headerTooLarge',
      header: 'WWW-Authenticate',
      size: 1_048_576,
      max: MAX_HEADER_LENGTH,
    });
  });
});
