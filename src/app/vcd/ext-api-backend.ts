/*
 * Sends `/ext-api` requests with fetch and `credentials: 'omit'`. A same-origin XMLHttpRequest
 * always carries the page's cookies — VCD's portal keeps a session JWT in one (`vcloud_jwt`, what
 * `/ext-ui` authenticates with) — and VCD does not document which request headers its proxy
 * forwards to the external endpoint. So nothing but the Authorization header VCD authenticates
 * `/ext-api` with leaves the page for a registry. Every other request keeps Angular's XHR backend.
 */
import {
  HttpBackend,
  HttpErrorResponse,
  HttpEvent,
  HttpEventType,
  HttpHeaders,
  HttpRequest,
  HttpResponse,
  HttpXhrBackend,
} from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { VCD_SESSION } from './container-hooks';
import { requestTarget } from './vcd-api.interceptor';

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export const FETCH = new InjectionToken<FetchFunction>('FETCH', {
  providedIn: 'root',
  factory: () => (input, init) => globalThis.fetch(input, init),
});

@Injectable()
export class VcdHttpBackend implements HttpBackend {
  private readonly xhr = inject(HttpXhrBackend);
  private readonly fetch = inject(FETCH);
  private readonly apiRootUrl = inject(VCD_SESSION).apiRootUrl;

  handle(request: HttpRequest<unknown>): Observable<HttpEvent<unknown>> {
    return requestTarget(request.url, this.apiRootUrl) === 'extApi' ? sendWithoutCookies(this.fetch, request) : this.xhr.handle(request);
  }
}

/** The request with its own headers only (no cookies, no HTTP authentication), answered as HttpClient expects. */
export function sendWithoutCookies(fetchImpl: FetchFunction, request: HttpRequest<unknown>): Observable<HttpEvent<unknown>> {
  return new Observable<HttpEvent<unknown>>((observer) => {
    const aborter = new AbortController();
    const headers: [string, string][] = request.headers
      .keys()
      .flatMap((name) => (request.headers.getAll(name) ?? []).map((value): [string, string] => [name, value]));
    const body = request.serializeBody();
    const url = request.urlWithParams;
    const send = async (): Promise<void> => {
      let response: Response;
      let text: string;
      try {
        response = await fetchImpl(url, {
          method: request.method,
          headers,
          ...(body !== null ? { body: body as BodyInit } : {}),
          credentials: 'omit',
          signal: aborter.signal,
        });
        text = request.method === 'HEAD' ? '' : await response.text();
      } catch (error) {
        observer.error(new HttpErrorResponse({ error, status: 0, statusText: 'Unknown Error', url }));
        return;
      }
      const answer = {
        body: request.responseType === 'json' ? parseJsonOrText(text) : text,
        headers: new HttpHeaders(response.headers),
        status: response.status,
        statusText: response.statusText,
        url,
      };
      if (response.ok) {
        observer.next(new HttpResponse(answer));
        observer.complete();
      } else {
        observer.error(new HttpErrorResponse({ ...answer, error: answer.body }));
      }
    };
    void send();
    observer.next({ type: HttpEventType.Sent });
    return () => aborter.abort();
  });
}

function parseJsonOrText(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
