import { HttpBackend, HttpClient, HttpErrorResponse, HttpXhrBackend, provideHttpClient, withInterceptors } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, firstValueFrom, of } from 'rxjs';
import { AUTH_TOKEN_HOLDER, AuthTokenHolder, VCD_SESSION } from './container-hooks';
import { FETCH, VcdHttpBackend } from './ext-api-backend';
import { PROVIDER_SESSION } from './testing/vcd-testing';
import { vcdApiInterceptor } from './vcd-api.interceptor';

interface Sent {
  readonly url: string;
  readonly init: RequestInit;
}

class FakeFetch {
  readonly sent: Sent[] = [];
  answer = (): Response => new Response('{"ok":true}', { status: 200, headers: { 'Docker-Distribution-Api-Version': 'registry/2.0' } });
  readonly fetch = (url: string, init: RequestInit): Promise<Response> => {
    this.sent.push({ url, init });
    return Promise.resolve(this.answer());
  };
}

/** Stands in for the XHR backend: what the rest of the plug-in's requests go through. */
class FakeXhr {
  readonly urls: string[] = [];
  handle(request: { url: string }): Observable<never> {
    this.urls.push(request.url);
    return of();
  }
}

describe('VcdHttpBackend', () => {
  let fetch: FakeFetch;
  let xhr: FakeXhr;

  function setUp(tokens: AuthTokenHolder = { jwt: 'the-vcd-jwt', token: 'legacy-token' }): HttpClient {
    fetch = new FakeFetch();
    xhr = new FakeXhr();
    TestBed.configureTestingModule({
      providers: [
        { provide: VCD_SESSION, useValue: PROVIDER_SESSION },
        { provide: AUTH_TOKEN_HOLDER, useValue: tokens },
        provideHttpClient(withInterceptors([vcdApiInterceptor])),
        { provide: HttpBackend, useClass: VcdHttpBackend },
        { provide: HttpXhrBackend, useValue: xhr },
        { provide: FETCH, useValue: fetch.fetch },
      ],
    });
    return TestBed.inject(HttpClient);
  }

  const headersOf = (sent: Sent | undefined): Map<string, string> =>
    new Map(((sent?.init.headers ?? []) as [string, string][]).map(([name, value]) => [name.toLowerCase(), value]));

  describe('when the plug-in calls a registry through /ext-api', () => {
    const url = 'https://vcd.example.com/ext-api/cseairgap-h-813a42a5/v2/';

    it('sends no cookie (credentials omitted) and only the session JWT as Authorization', async () => {
      const http = setUp();
      const response = await firstValueFrom(
        http.get(url, { observe: 'response', responseType: 'text', headers: { Accept: 'application/json' } }),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('Docker-Distribution-Api-Version')).toBe('registry/2.0');
      const [sent] = fetch.sent;
      expect(sent?.url).toBe(url);
      expect(sent?.init.credentials).toBe('omit');
      expect([...headersOf(sent).entries()]).toEqual([
        ['accept', 'application/json'],
        ['authorization', 'Bearer the-vcd-jwt'],
      ]);
      expect(xhr.urls).toEqual([]);
    });

    it('sends no legacy session token when the host has no JWT', async () => {
      const http = setUp({ jwt: null, token: 'legacy-token' });
      await firstValueFrom(http.get(url, { responseType: 'text' }));
      expect(headersOf(fetch.sent[0]).has('x-vcloud-authorization')).toBeFalse();
      expect(headersOf(fetch.sent[0]).has('authorization')).toBeFalse();
    });

    it('answers a registry 401 as an HttpErrorResponse with its headers and body, like the XHR backend', async () => {
      const http = setUp();
      fetch.answer = () => new Response('{"errors":[]}', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="x"' } });
      const error = await firstValueFrom(http.get(url, { responseType: 'text' })).catch((failure: unknown) => failure);
      expect(error).toEqual(jasmine.any(HttpErrorResponse));
      const failure = error as HttpErrorResponse;
      expect(failure.status).toBe(401);
      expect(failure.headers.get('WWW-Authenticate')).toBe('Bearer realm="x"');
      expect(failure.error).toBe('{"errors":[]}');
    });

    it('answers status 0 when nothing came back', async () => {
      const http = setUp();
      fetch.answer = () => {
        throw new TypeError('Failed to fetch');
      };
      const error = (await firstValueFrom(http.head(url)).catch((failure: unknown) => failure)) as HttpErrorResponse;
      expect(error.status).toBe(0);
    });
  });

  it('leaves VCD API calls and everything else to the XHR backend', () => {
    const http = setUp();
    http.get('/plugins/cse-airgap/i18n.json').subscribe();
    expect(xhr.urls).toEqual(['/plugins/cse-airgap/i18n.json']);
    expect(fetch.sent).toEqual([]);
  });
});
