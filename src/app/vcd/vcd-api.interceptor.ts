/*
 * Adds what every VCD API request needs: the session's credentials and the negotiated API
 * version. Requests to anything else (the plug-in's own assets, a registry) pass untouched.
 */
import { HttpEvent, HttpHandlerFn, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Observable, switchMap } from 'rxjs';
import { ApiVersionService } from './api-version';
import { AUTH_TOKEN_HOLDER, AuthTokenHolder, VCD_SESSION } from './container-hooks';

/** Where a request goes: VCD's own API, VCD's API-extension proxy (/ext-api), or elsewhere. */
export type RequestTarget = 'vcdApi' | 'extApi' | 'other';

/**
 * The path of `url` on VCD, or undefined when it points elsewhere. VCD hands out absolute URLs
 * (a task's Location): those count when they share the API root's (or the page's) origin.
 */
export function vcdPath(url: string, apiRootUrl: string, pageOrigin = globalThis.location?.origin ?? ''): string | undefined {
  if (apiRootUrl && url.startsWith(apiRootUrl)) return url.slice(apiRootUrl.length);
  if (url.startsWith('/')) return url;
  try {
    const parsed = new URL(url);
    const vcdOrigin = apiRootUrl ? new URL(apiRootUrl).origin : pageOrigin;
    return parsed.origin === vcdOrigin ? `${parsed.pathname}${parsed.search}` : undefined;
  } catch {
    return undefined;
  }
}

export function requestTarget(url: string, apiRootUrl: string): RequestTarget {
  const path = vcdPath(url, apiRootUrl) ?? '';
  if (/^\/(cloudapi|api)\//.test(path)) return 'vcdApi';
  if (path.startsWith('/ext-api/')) return 'extApi';
  return 'other';
}

/** cloudapi speaks application/json; the legacy /api (tasks, …) wants VCD's `application/*+json`. */
export function acceptFor(url: string, apiRootUrl: string, version: string): string {
  const path = vcdPath(url, apiRootUrl) ?? '';
  return path.startsWith('/api/') ? `application/*+json;version=${version}` : `application/json;version=${version}`;
}

/** The header that carries the session: a JWT as Bearer, else a legacy session token. */
export function authorizationHeaders(holder: AuthTokenHolder): Record<string, string> {
  if (holder.jwt) {
    return { Authorization: `Bearer ${holder.jwt}` };
  }
  if (holder.token) {
    return { 'x-vcloud-authorization': holder.token };
  }
  return {};
}

export const vcdApiInterceptor: HttpInterceptorFn = (
  request: HttpRequest<unknown>,
  next: HttpHandlerFn,
): Observable<HttpEvent<unknown>> => {
  const session = inject(VCD_SESSION);
  const target = requestTarget(request.url, session.apiRootUrl);
  if (target === 'other') {
    return next(request);
  }
  const holder = inject(AUTH_TOKEN_HOLDER);
  if (target === 'extApi') {
    // VCD authenticates /ext-api calls with the request's Authorization header (vcd-ext-sdk, "API
    // extensibility via HTTP"): that header and nothing else of the session — no legacy token, no
    // tenant context, no versioned Accept (the registry gets the request's own). The endpoint is
    // created with authorizationEnabled false; whether VCD then strips the header is not documented.
    return next(request.clone({ setHeaders: holder.jwt ? { Authorization: `Bearer ${holder.jwt}` } : {} }));
  }
  const versions = inject(ApiVersionService);
  return versions.version$.pipe(
    switchMap((version) =>
      next(
        request.clone({
          // Read the token at send time: the host renews it during long sessions.
          setHeaders: {
            ...authorizationHeaders(holder),
            Accept: acceptFor(request.url, session.apiRootUrl, version),
          },
        }),
      ),
    ),
  );
};
