// The VCD calls the deploy command makes, each under the name of the step it belongs to, and the
// one place where a failed call becomes a StepError (step, HTTP status, VCD's code and message).
import { STATUS_CODES } from 'node:http';
import { HttpTransportError, type HttpResponse, type HttpSend } from './http.js';

/** A failed step: what was being done, the HTTP status (0: no HTTP answer, or a local check) and what VCD said. */
export class StepError extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
    readonly code: string | null,
    readonly detail: string,
  ) {
    super(status > 0 ? `${step}: HTTP ${status}${code ? ` ${code}` : ''} — ${detail}` : `${step}: ${detail}`);
  }
}

/**
 * VCD's message from an error answer: cloudapi's `{minorErrorCode, message}`, OAuth's
 * `{error, error_description}` (the token endpoint), the legacy API's `<Error message=… minorErrorCode=…>`,
 * else the start of the body, else the HTTP reason phrase.
 */
export function vcdErrorOf(response: HttpResponse): { code: string | null; message: string } {
  const text = response.body.toString('utf8').trim();
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    if (typeof json['message'] === 'string') {
      return { code: typeof json['minorErrorCode'] === 'string' ? json['minorErrorCode'] : null, message: json['message'] };
    }
    if (typeof json['error'] === 'string') {
      return { code: json['error'], message: typeof json['error_description'] === 'string' ? json['error_description'] : json['error'] };
    }
  } catch {
    // not JSON: try the other forms
  }
  const xml = /<Error\b[^>]*\bmessage="([^"]*)"/.exec(text);
  if (xml?.[1] !== undefined) return { code: /\bminorErrorCode="([^"]*)"/.exec(text)?.[1] ?? null, message: xml[1] };
  if (text !== '') return { code: null, message: text.length > 300 ? `${text.slice(0, 300)}…` : text };
  return { code: null, message: STATUS_CODES[response.status] ?? 'no message' };
}

export interface CallOptions {
  readonly json?: unknown;
  readonly form?: Record<string, string>;
  readonly bytes?: { data: Uint8Array; contentType: string };
  readonly headers?: Record<string, string>;
  /** Statuses that are success for this call (default: any 2xx). */
  readonly ok?: readonly number[];
  /** Leave out `Accept: application/json;version=…` (the transfer service is not cloudapi). */
  readonly unversioned?: boolean;
}

export class VcdClient {
  private accessToken: string | null = null;
  apiVersion: string | null = null;

  constructor(
    readonly base: URL,
    private readonly send: HttpSend,
  ) {}

  setAccessToken(token: string): void {
    this.accessToken = token;
  }

  /**
   * The URL of a call, only on the VCD's own origin (scheme, host and port of --vcd, which is https
   * unless it is this machine): the access token, the password and the API token go nowhere else.
   * A URL VCD hands back (the upload link) that points elsewhere, or to plain http, is refused
   * before anything is sent.
   */
  ownUrl(step: string, pathOrUrl: string): URL {
    let url: URL;
    try {
      url = new URL(pathOrUrl, this.base);
    } catch {
      throw new StepError(step, 0, null, 'VCD gave an address that is not a URL: refused, nothing was sent');
    }
    if (url.origin !== this.base.origin || url.username !== '' || url.password !== '') {
      throw new StepError(
        step,
        0,
        null,
        `VCD gave an address on ${url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : `a ${url.protocol} URL`}, not on ${this.base.origin}: ` +
          'refused, nothing was sent there (the access token goes only to the VCD given with --vcd; if VCD publishes another ' +
          'public address, deploy with --vcd set to that address)',
      );
    }
    return url;
  }

  /** One call as part of `step`; resolves to the answer, or throws a StepError naming the step. */
  async call(step: string, method: string, pathOrUrl: string, options: CallOptions = {}): Promise<HttpResponse> {
    const url = this.ownUrl(step, pathOrUrl);
    const headers: Record<string, string> = {
      Accept: options.unversioned || !this.apiVersion ? 'application/json' : `application/json;version=${this.apiVersion}`,
      ...options.headers,
    };
    if (this.accessToken && !headers['Authorization']) headers['Authorization'] = `Bearer ${this.accessToken}`;
    let body: Uint8Array | string | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.bytes) {
      headers['Content-Type'] = options.bytes.contentType;
      body = options.bytes.data;
    }
    let response: HttpResponse;
    try {
      response = await this.send({ method, url: url.toString(), headers, ...(body !== undefined ? { body } : {}) });
    } catch (error) {
      if (error instanceof HttpTransportError)
        throw new StepError(step, 0, null, `no answer to ${method} ${url.origin}${url.pathname}: ${error.message}`);
      throw error;
    }
    const ok = options.ok ? options.ok.includes(response.status) : response.status >= 200 && response.status < 300;
    if (!ok) {
      const { code, message } = vcdErrorOf(response);
      throw new StepError(step, response.status, code, message);
    }
    return response;
  }

  async json<T>(step: string, method: string, path: string, options: CallOptions = {}): Promise<T> {
    const response = await this.call(step, method, path, options);
    try {
      return JSON.parse(response.body.toString('utf8')) as T;
    } catch {
      throw new StepError(step, response.status, null, `${method} ${path} answered something that is not JSON`);
    }
  }

  /** Every value of a paged cloudapi list (`page`, `pageSize`, `pageCount`). */
  async all<T>(step: string, path: string): Promise<T[]> {
    const values: T[] = [];
    for (let page = 1; ; page += 1) {
      const separator = path.includes('?') ? '&' : '?';
      const body = await this.json<{ values?: T[]; pageCount?: number }>(step, 'GET', `${path}${separator}page=${page}&pageSize=128`);
      values.push(...(body.values ?? []));
      if (!body.pageCount || page >= body.pageCount) return values;
    }
  }
}
