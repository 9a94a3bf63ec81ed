/*
 * Adds what every VCD API request needs: the session's credentials and the negotiated API
 * version. Requests to anything else (the plug-in's own assets, a registry) pass untouched.
 */
import { HttpEvent, HttpHandlerFn, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Observable, switchMap } from 'rxjs';
import { ApiVersionService } from './api-version';
import { AUTH_TOKEN_HOLDER, AuthTokenHolder, VCD_SESSION } from './container-hooks';

export function isVcdApiUrl(url: string, apiRootUrl: string): boolean {
  const path = url.startsWith(apiRootUrl) ? url.slice(apiRootUrl.length) : url;
  return /^\/(cloudapi|api)\//.test(path);
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
  if (!isVcdApiUrl(request.url, session.apiRootUrl)) {
    return next(request);
  }
  const holder = inject(AUTH_TOKEN_HOLDER);
  const versions = inject(ApiVersionService);
  return versions.version$.pipe(
    switchMap((version) =>
      next(
        request.clone({
          // Read the token at send time: the host renews it during long sessions.
          setHeaders: {
            ...authorizationHeaders(holder),
            Accept: `application/json;version=${version}`,
          },
        }),
      ),
    ),
  );
};
