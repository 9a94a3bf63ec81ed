/*
 * One union for every way a VCD API call can fail, and the single place that turns an
 * HttpErrorResponse into it. The UI maps each kind to exactly one message key.
 */
import { HttpErrorResponse } from '@angular/common/http';

export type VcdErrorKind = 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'network' | 'server' | 'timeout';

export interface VcdError {
  readonly kind: VcdErrorKind;
  /** HTTP status, 0 when no response arrived. */
  readonly status: number;
  /** VCD's own message (cloudapi error body), shown as detail; never translated. */
  readonly detail?: string;
  /** VCD's minorErrorCode, when it sent one. */
  readonly code?: string;
  /** 'timeout': how long the plug-in waited for VCD. */
  readonly seconds?: number;
}

/** Message key shown for each kind; the text says what to do next. */
export const VCD_ERROR_MESSAGE_KEYS: Readonly<Record<VcdErrorKind, string>> = {
  unauthorized: 'vcd.errors.unauthorized',
  forbidden: 'vcd.errors.forbidden',
  'not-found': 'vcd.errors.notFound',
  conflict: 'vcd.errors.conflict',
  invalid: 'vcd.errors.invalid',
  network: 'vcd.errors.network',
  server: 'vcd.errors.server',
  timeout: 'vcd.errors.timeout',
};

export function kindForStatus(status: number): VcdErrorKind {
  if (status === 0) return 'network';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

function readBody(body: unknown): { detail?: string; code?: string } {
  if (typeof body !== 'object' || body === null) {
    return {};
  }
  const record = body as Record<string, unknown>;
  const detail = typeof record['message'] === 'string' ? record['message'] : undefined;
  const code = typeof record['minorErrorCode'] === 'string' ? record['minorErrorCode'] : undefined;
  return { ...(detail ? { detail } : {}), ...(code ? { code } : {}) };
}

/** VCD speaks none of the API versions this plug-in was written for (too old, or too new). */
export class UnsupportedApiVersionError extends Error {
  constructor(
    readonly offered: readonly string[],
    readonly supported: readonly string[],
  ) {
    super(`VCD offers API versions ${offered.join(', ') || 'none'}; CSE Airgap needs one of ${supported.join(', ')}`);
  }
}

export function toVcdError(error: unknown): VcdError {
  if (error instanceof UnsupportedApiVersionError) {
    // 406 Not Acceptable: there is no representation both sides can use.
    return { kind: 'server', status: 406, detail: error.message };
  }
  if (error instanceof HttpErrorResponse) {
    return { kind: kindForStatus(error.status), status: error.status, ...readBody(error.error) };
  }
  if (isVcdError(error)) {
    return error;
  }
  return { kind: 'network', status: 0 };
}

export function isVcdError(value: unknown): value is VcdError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as VcdError).kind === 'string' &&
    typeof (value as VcdError).status === 'number' &&
    (value as VcdError).kind in VCD_ERROR_MESSAGE_KEYS
  );
}
