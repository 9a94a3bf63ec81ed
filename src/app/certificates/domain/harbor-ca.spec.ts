import { HarborCaAnswer, MAX_HARBOR_CA_BYTES, judgeHarborCaAnswer } from './harbor-ca';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const PEM = text('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
const VCD_NOT_FOUND = text(JSON.stringify({ minorErrorCode: 'NOT_FOUND', message: 'No API filter matches /ext-api/x' }));

describe('judgeHarborCaAnswer', () => {
  const cases: readonly (readonly [string, number, Uint8Array, HarborCaAnswer])[] = [
    ['the CA Harbor serves', 200, PEM, { kind: 'found', bytes: PEM }],
    [
      'a 404 from Harbor (no default root certificate, an older Harbor, or not Harbor)',
      404,
      text('404 page not found'),
      { kind: 'notFound' },
    ],
    ['a 404 from VCD itself (no API filter lets the path through)', 404, VCD_NOT_FOUND, { kind: 'notProxied', status: 404 }],
    [
      'a 403 from VCD (the call was refused)',
      403,
      text('{"minorErrorCode":"ACCESS_TO_RESOURCE_IS_FORBIDDEN"}'),
      { kind: 'notProxied', status: 403 },
    ],
    ['a server error', 500, text('internal error'), { kind: 'failed', status: 500 }],
    [
      'an answer far larger than a CA file',
      200,
      new Uint8Array(MAX_HARBOR_CA_BYTES + 1),
      { kind: 'tooLarge', size: MAX_HARBOR_CA_BYTES + 1 },
    ],
  ];
  for (const [what, status, body, answer] of cases) {
    it(`reads ${what} as ${answer.kind}`, () => {
      expect(judgeHarborCaAnswer(status, body)).toEqual(answer);
    });
  }

  it('reads a JSON body that is not VCD’s error as Harbor’s answer', () => {
    expect(judgeHarborCaAnswer(404, text('{"errors":[{"code":"NOT_FOUND"}]}'))).toEqual({ kind: 'notFound' });
  });
});
