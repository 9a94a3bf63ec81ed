/*
 * GET requests to a registry's HTTP API through the configured access path, with a timeout the
 * user sees. Any HTTP status comes back as an answer (a registry answers 401 on purpose); what
 * never reached the registry comes back as one RegistryHttpError.
 */
import { HttpClient, HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, TimeoutError, catchError, map, of, throwError, timeout } from 'rxjs';
import { VCD_SESSION } from '../../vcd';
import { AccessPath, accessBaseUrl } from '../domain/access-path';

export interface RegistryAnswer {
  readonly status: number;
  readonly headers: HttpHeaders;
  readonly body: string;
  /** VCD's own error body ({minorErrorCode, message}) — the proxy answered, not the registry. */
  readonly fromVcd: boolean;
  /** An HTML page: a proxy or load balancer answered, not the registry's API. */
  readonly isHtml: boolean;
}

export type RegistryHttpError =
  | { readonly kind: 'timeout'; readonly seconds: number }
  /** No HTTP answer: refused, reset, DNS failure — or, for a direct URL, a CORS refusal. */
  | { readonly kind: 'unreachable' };

export const DEFAULT_TIMEOUT_SECONDS = 10;

function looksLikeVcdError(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { minorErrorCode?: unknown };
    return typeof parsed.minorErrorCode === 'string';
  } catch {
    return false;
  }
}

export function toAnswer(status: number, headers: HttpHeaders, body: string): RegistryAnswer {
  const contentType = headers.get('Content-Type') ?? '';
  return {
    status,
    headers,
    body,
    fromVcd: looksLikeVcdError(body) && !headers.has('Docker-Distribution-Api-Version'),
    isHtml: contentType.includes('text/html') || /^\s*<(!doctype|html)/i.test(body),
  };
}

export function parseJson<T>(answer: RegistryAnswer): T | undefined {
  try {
    return JSON.parse(answer.body) as T;
  } catch {
    return undefined;
  }
}

@Injectable()
export class RegistryHttp {
  private readonly http = inject(HttpClient);
  private readonly apiRootUrl = inject(VCD_SESSION).apiRootUrl;

  get(access: AccessPath, path: string, timeoutSeconds = DEFAULT_TIMEOUT_SECONDS): Observable<RegistryAnswer> {
    const url = `${accessBaseUrl(access, this.apiRootUrl)}${path}`;
    return this.http.get(url, { observe: 'response', responseType: 'text', headers: { Accept: 'application/json' } }).pipe(
      timeout({ first: timeoutSeconds * 1000 }),
      map((response) => toAnswer(response.status, response.headers, response.body ?? '')),
      catchError((error: unknown) => {
        if (error instanceof TimeoutError) {
          return throwError((): RegistryHttpError => ({ kind: 'timeout', seconds: timeoutSeconds }));
        }
        if (error instanceof HttpErrorResponse && error.status > 0) {
          return of(
            toAnswer(error.status, error.headers, typeof error.error === 'string' ? error.error : JSON.stringify(error.error ?? '')),
          );
        }
        return throwError((): RegistryHttpError => ({ kind: 'unreachable' }));
      }),
    );
  }
}

export function isRegistryHttpError(value: unknown): value is RegistryHttpError {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'timeout' || kind === 'unreachable';
}
