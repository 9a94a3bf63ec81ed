import { accessBaseUrl, isValidDirectUrl } from './access-path';

describe('accessBaseUrl', () => {
  it('goes through /ext-api on the VCD origin', () => {
    expect(accessBaseUrl({ kind: 'extApi', prefix: 'cseairgap-h' }, 'https://vcd.example.com')).toBe(
      'https://vcd.example.com/ext-api/cseairgap-h',
    );
  });
  it('uses a direct URL without its trailing slash', () => {
    expect(accessBaseUrl({ kind: 'direct', url: 'https://cors.corp.local/' }, '')).toBe('https://cors.corp.local');
  });
});

describe('isValidDirectUrl', () => {
  const cases: [string, boolean][] = [
    ['https://cors-proxy.corp.local', true],
    ['https://cors-proxy.corp.local:8443/harbor', true],
    ['http://cors-proxy.corp.local', false],
    ['https://user:secret@cors-proxy.corp.local', false],
    ['https://cors-proxy.corp.local?x=1', false],
    ['cors-proxy.corp.local', false],
  ];
  for (const [value, valid] of cases) {
    it(`${valid ? 'accepts' : 'refuses'} ${value}`, () => expect(isValidDirectUrl(value)).toBe(valid));
  }
});
