import { accessBaseUrl, extApiPrefix, externalEndpointPlan, isValidDirectUrl, registrySlug } from './access-path';

describe('registrySlug', () => {
  const cases: [string, number | undefined, string][] = [
    ['harbor.corp.local', undefined, 'harbor-corp-local'],
    ['Harbor.Corp.Local', 8443, 'harbor-corp-local-8443'],
    ['127.0.0.1', 5000, '127-0-0-1-5000'],
    ['[fd00::10]', 443, 'fd00-10-443'],
    ['xn--bcher-kva.example', undefined, 'xn-bcher-kva-example'],
  ];
  for (const [host, port, slug] of cases) {
    it(`turns ${host}${port ? `:${port}` : ''} into ${slug}`, () => expect(registrySlug(host, port)).toBe(slug));
  }
});

describe('externalEndpointPlan', () => {
  it('names one endpoint and one EXT_API filter per registry host and port', () => {
    const plan = externalEndpointPlan('harbor.corp.local', 8443);
    expect(plan.endpoint).toEqual(
      jasmine.objectContaining({
        name: 'registry-harbor-corp-local-8443',
        vendor: 'cseairgap',
        version: '1.0.0',
        enabled: true,
        rootUrl: 'https://harbor.corp.local:8443',
      }),
    );
    expect(plan.prefix).toBe(extApiPrefix('harbor.corp.local', 8443));
    expect(plan.filterPattern).toBe('/cseairgap-harbor-corp-local-8443/.*');
  });

  it('leaves the port out of the root URL when none is given (443)', () => {
    expect(externalEndpointPlan('harbor.corp.local').endpoint.rootUrl).toBe('https://harbor.corp.local');
  });
});

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
