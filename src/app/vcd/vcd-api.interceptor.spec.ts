import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthTokenHolder } from './container-hooks';
import { RequestTarget, authorizationHeaders, requestTarget, vcdPath } from './vcd-api.interceptor';
import { PROVIDER_SESSION, answerVersions, provideVcdTesting } from './testing/vcd-testing';

describe('vcdApiInterceptor', () => {
  function setUp(tokens: AuthTokenHolder = { jwt: 'the-jwt' }): { http: HttpClient; backend: HttpTestingController } {
    TestBed.configureTestingModule({ providers: provideVcdTesting(PROVIDER_SESSION, tokens) });
    return { http: TestBed.inject(HttpClient), backend: TestBed.inject(HttpTestingController) };
  }

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('negotiates the API version once and sends it, with the bearer token, on every API call', () => {
    const { http, backend } = setUp();
    http.get('https://vcd.example.com/cloudapi/1.0.0/orgs').subscribe();
    http.get('https://vcd.example.com/api/org').subscribe();
    answerVersions(backend, ['37.0', '38.0', '39.0']);
    const calls = backend.match((request) => !request.url.endsWith('/api/versions'));
    expect(calls.length).toBe(2);
    for (const call of calls) {
      const legacy = call.request.url.includes('/api/org');
      expect(call.request.headers.get('Accept')).toBe(legacy ? 'application/*+json;version=39.0' : 'application/json;version=39.0');
      expect(call.request.headers.get('Authorization')).toBe('Bearer the-jwt');
      call.flush({});
    }
    http.get('https://vcd.example.com/cloudapi/1.0.0/sessions/current').subscribe();
    backend.expectOne('https://vcd.example.com/cloudapi/1.0.0/sessions/current').flush({});
  });

  it('asks for the versions without credentials, as VCD serves them to anyone', () => {
    const { http, backend } = setUp();
    http.get('https://vcd.example.com/cloudapi/1.0.0/orgs').subscribe();
    const versions = backend.expectOne('https://vcd.example.com/api/versions');
    expect(versions.request.headers.has('Authorization')).toBeFalse();
    expect(versions.request.headers.get('Accept')).toBe('application/*+json');
    versions.flush({ versionInfo: [{ version: '39.0' }] });
    backend.expectOne('https://vcd.example.com/cloudapi/1.0.0/orgs').flush({});
  });

  it('uses x-vcloud-authorization when the host only has a legacy session token', () => {
    const { http, backend } = setUp({ jwt: null, token: 'legacy-token' });
    http.get('https://vcd.example.com/cloudapi/1.0.0/orgs').subscribe();
    answerVersions(backend);
    const call = backend.expectOne('https://vcd.example.com/cloudapi/1.0.0/orgs');
    expect(call.request.headers.get('x-vcloud-authorization')).toBe('legacy-token');
    expect(call.request.headers.has('Authorization')).toBeFalse();
    call.flush({});
  });

  it("leaves requests that are not VCD API calls untouched (the plug-in's i18n.json)", () => {
    const { http, backend } = setUp();
    http.get('/plugins/cse-airgap/i18n.json').subscribe();
    const call = backend.expectOne('/plugins/cse-airgap/i18n.json');
    expect(call.request.headers.has('Authorization')).toBeFalse();
    expect(call.request.headers.has('Accept')).toBeFalse();
    call.flush({});
  });

  it('authenticates /ext-api calls with the session but sends no VCD version header through the proxy', () => {
    const { http, backend } = setUp();
    http.get('https://vcd.example.com/ext-api/cseairgap-harbor/v2/', { headers: { Accept: 'application/json' } }).subscribe();
    const call = backend.expectOne('https://vcd.example.com/ext-api/cseairgap-harbor/v2/');
    expect(call.request.headers.get('Authorization')).toBe('Bearer the-jwt');
    expect(call.request.headers.get('Accept')).toBe('application/json');
    call.flush({});
  });

  it('sends /ext-api nothing of a legacy session: no x-vcloud-authorization, no tenant context', () => {
    const { http, backend } = setUp({ jwt: null, token: 'legacy-token' });
    http.get('https://vcd.example.com/ext-api/cseairgap-harbor/v2/').subscribe();
    const call = backend.expectOne('https://vcd.example.com/ext-api/cseairgap-harbor/v2/');
    expect(call.request.headers.keys()).toEqual([]);
    call.flush({});
  });

  it('fails every waiting call when VCD speaks no version the plug-in supports', () => {
    const { http, backend } = setUp();
    let failure: unknown;
    http.get('https://vcd.example.com/cloudapi/1.0.0/orgs').subscribe({ error: (error: unknown) => (failure = error) });
    answerVersions(backend, ['33.0']);
    expect(String(failure)).toContain('33.0');
  });
});

describe('requestTarget', () => {
  const cases: [string, RequestTarget][] = [
    ['https://vcd.example.com/cloudapi/1.0.0/orgs', 'vcdApi'],
    ['https://vcd.example.com/api/versions', 'vcdApi'],
    ['/cloudapi/1.0.0/entities/urn:vcloud:entity:x', 'vcdApi'],
    ['https://vcd.example.com/ext-api/harbor/v2/', 'extApi'],
    ['/ext-api/harbor/api/v2.0/ping', 'extApi'],
    ['https://vcd.example.com/plugins/x/i18n.json', 'other'],
    ['https://harbor.example.com/api/v2.0/ping', 'other'],
    ['https://harbor.example.com/ext-api/x', 'other'],
    ['https://vcd.example.com/api/task/2f1c', 'vcdApi'],
  ];
  for (const [url, expected] of cases) {
    it(`sends ${url} to ${expected}`, () => expect(requestTarget(url, 'https://vcd.example.com')).toBe(expected));
  }
});

describe('vcdPath', () => {
  it("reads an absolute URL on the page's origin when the API root is the page itself ('')", () => {
    expect(vcdPath('http://127.0.0.1:8080/api/task/1', '', 'http://127.0.0.1:8080')).toBe('/api/task/1');
    expect(vcdPath('http://evil.example.com/api/task/1', '', 'http://127.0.0.1:8080')).toBeUndefined();
  });
  it('keeps relative paths and strips the API root', () => {
    expect(vcdPath('/cloudapi/1.0.0/orgs', 'https://vcd.example.com')).toBe('/cloudapi/1.0.0/orgs');
    expect(vcdPath('https://vcd.example.com/cloudapi/1.0.0/orgs?page=2', 'https://vcd.example.com')).toBe('/cloudapi/1.0.0/orgs?page=2');
  });
});

describe('authorizationHeaders', () => {
  it('prefers the JWT, falls back to the legacy token, and sends nothing without either', () => {
    expect(authorizationHeaders({ jwt: 'j', token: 't' })).toEqual({ Authorization: 'Bearer j' });
    expect(authorizationHeaders({ jwt: null, token: 't' })).toEqual({ 'x-vcloud-authorization': 't' });
    expect(authorizationHeaders({})).toEqual({});
  });
});
