import { PemSection, decodeBase64, pemBodyBase64, scanPemSections } from './pem';

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
    ['finds nothing in plain text', 'hello', []],
  ];
  for (const [behaviour, text, expected] of cases) {
    it(behaviour, () => expect(scanPemSections(text)).toEqual(expected));
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
