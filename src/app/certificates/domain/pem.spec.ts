import { PemSection, decodeBase64, pemBodyBase64, scanPemSections, splitPemBlocks } from './pem';

describe('scanPemSections', () => {
  const block = (label: string, body = 'MIIB'): string => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
  const cases: [string, string, (PemSection | undefined)[]][] = [
    ['finds a block with its body', block('CERTIFICATE'), [{ label: 'CERTIFICATE', isTerminated: true, body: '\nMIIB\n' }]],
    [
      'keeps labels with spaces and #',
      block('PKCS #7 SIGNED DATA'),
      [{ label: 'PKCS #7 SIGNED DATA', isTerminated: true, body: '\nMIIB\n' }],
    ],
    ['reports a BEGIN without END', '-----BEGIN CERTIFICATE-----\nMIIB', [{ label: 'CERTIFICATE', isTerminated: false }]],
    [
      'reports a BEGIN interrupted by another BEGIN, and reads the second',
      `-----BEGIN CERTIFICATE-----\nMII\n${block('X509 CRL')}`,
      [
        { label: 'CERTIFICATE', isTerminated: false },
        { label: 'X509 CRL', isTerminated: true, body: '\nMIIB\n' },
      ],
    ],
    [
      'reports an END with another label',
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END PKCS7-----',
      [{ label: 'CERTIFICATE', isTerminated: false }],
    ],
    ['reports an END without BEGIN', 'MIIB\n-----END CERTIFICATE-----', [undefined]],
    [
      'finds a marker after a longer run of dashes',
      `-${block('CERTIFICATE')}`,
      [{ label: 'CERTIFICATE', isTerminated: true, body: '\nMIIB\n' }],
    ],
    [
      'trims the label',
      '-----BEGIN  X509 CRL -----\nMIIB\n-----END X509 CRL-----',
      [{ label: 'X509 CRL', isTerminated: true, body: '\nMIIB\n' }],
    ],
    ['ignores a marker broken by a line end', '-----BEGIN CERTIFICATE\n-----\nMIIB\n-----END CERTIFICATE-----', [undefined]],
    ['finds nothing in plain text', 'hello', []],
  ];
  for (const [behaviour, text, expected] of cases) {
    it(behaviour, () => expect(scanPemSections(text)).toEqual(expected));
  }
});

describe('splitPemBlocks', () => {
  it('keeps a block only when its END closes it: a block interrupted by another BEGIN is not one', () => {
    const text = '-----BEGIN CERTIFICATE-----\nAQID\n-----BEGIN CERTIFICATE-----\nBAUG\n-----END CERTIFICATE-----\n';
    expect(splitPemBlocks(text).map((block) => [...block.der])).toEqual([[4, 5, 6]]);
  });

  it('keeps the labels openssl writes only', () => {
    expect(splitPemBlocks('-----BEGIN PKCS #7 SIGNED DATA-----\nAQID\n-----END PKCS #7 SIGNED DATA-----')).toEqual([]);
  });
});

/*
 * Text from a registry or a stored list may be hostile. Scanning it once from start to end keeps
 * 1 MiB well under a second; the earlier pattern searched on from every BEGIN for its END and took
 * about 20 s for 1 MiB of BEGIN lines. The bound is generous on purpose: it fails a quadratic scan
 * by seconds and never a slow machine.
 */
describe('PEM scanning of 1 MiB of hostile text', () => {
  const BOUND_MS = 2000;
  const fill = (unit: string): string => unit.repeat(Math.floor(1_048_576 / unit.length));
  const cases: [string, string, number][] = [
    ['unterminated BEGIN lines', fill('-----BEGIN CERTIFICATE-----\n'), 37_449],
    ['BEGIN lines without closing dashes', fill('-----BEGIN CERTIFICATE\n'), 0],
    ['dashes only', fill('-'), 0],
    ['END lines without BEGIN', fill('-----END CERTIFICATE-----\n'), 40_329],
    ['BEGIN markers with empty labels, back to back', fill('-----BEGIN -----'), 65_536],
    ['one label that never ends', `-----BEGIN ${fill('A')}`, 0],
  ];
  for (const [what, text, sections] of cases) {
    it(`reads ${what} in one pass`, () => {
      const started = performance.now();
      const found = scanPemSections(text);
      const blocks = splitPemBlocks(text);
      const elapsed = performance.now() - started;
      expect(found.length).toBe(sections);
      expect(blocks).toEqual([]);
      expect(elapsed).toBeLessThan(BOUND_MS);
    });
  }
});

describe('decodeBase64', () => {
  const cases: [string, string, number[] | undefined][] = [
    ['decodes padded base64', 'AQID', [1, 2, 3]],
    ['decodes base64 without its padding', 'AQI', [1, 2]],
    ['refuses the URL alphabet', 'A-_B', undefined],
    ['refuses an impossible length', 'AQIDB', undefined],
    ['refuses stray characters', 'AQ%D', undefined],
  ];
  for (const [behaviour, base64, expected] of cases) {
    it(behaviour, () => expect(decodeBase64(base64)).toEqual(expected ? new Uint8Array(expected) : undefined));
  }

  it('drops RFC 1421 headers and whitespace from a block body', () => {
    expect(pemBodyBase64('\r\nProc-Type: 4,ENCRYPTED\r\nDEK-Info: AES-128-CBC,00\r\n\r\nAQ ID\r\nBA==\r\n')).toBe('AQIDBA==');
  });
});
