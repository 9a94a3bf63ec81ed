/*
 * Every VCD API request (cloudapi and the legacy /api, tasks included) gets an answer within
 * VCD_TIMEOUT_SECONDS or fails as a VcdError of kind 'timeout', which the UI shows with the
 * number of seconds and a retry: a VCD that does not answer never leaves a page waiting in
 * silence. Registry traffic through /ext-api has its own, shorter per-request timeout.
 */
import { HttpEvent, HttpHandlerFn, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { InjectionToken, inject } from '@angular/core';
import { Observable, throwError, timeout } from 'rxjs';
import { VCD_SESSION } from './container-hooks';
import { VcdError } from './errors';
import { requestTarget } from './vcd-api.interceptor';

export const DEFAULT_VCD_TIMEOUT_SECONDS = 30;

export const VCD_TIMEOUT_SECONDS = new InjectionToken<number>('VCD_TIMEOUT_SECONDS', {
  providedIn: 'root',
  factory: () => DEFAULT_VCD_TIMEOUT_SECONDS,
});

export const vcdTimeoutInterceptor: HttpInterceptorFn = (
  request: HttpRequest<unknown>,
  next: HttpHandlerFn,
): Observable<HttpEvent<unknown>> => {
  if (requestTarget(request.url, inject(VCD_SESSION).apiRootUrl) !== 'vcdApi') return next(request);
  const seconds = inject(VCD_TIMEOUT_SECONDS);
  // `each`: the first event (Sent) comes at once; what must come in time is the answer after it.
  return next(request).pipe(
    timeout({ each: seconds * 1000, with: () => throwError((): VcdError => ({ kind: 'timeout', status: 0, seconds })) }),
  );
};
