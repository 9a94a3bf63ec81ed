// The one HTTP primitive the deploy command uses. node:https rather than fetch: trusting one
// extra CA for one host (--insecure-ca-file) needs a per-request `ca`, which Node's built-in fetch
// only takes through an undici dispatcher that is not part of Node's public API. Certificate
// verification is never turned off.
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: Uint8Array | string;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export type HttpSend = (request: HttpRequest) => Promise<HttpResponse>;

/** A transport failure (no HTTP answer at all): refused, reset, TLS, timeout. */
export class HttpTransportError extends Error {}

export interface HttpOptions {
  /** PEM of a CA to trust on top of Node's bundled roots. */
  readonly extraCaPem?: string;
  readonly timeoutMs?: number;
}

export function createHttp(options: HttpOptions = {}): HttpSend {
  const ca = options.extraCaPem ? [...rootCertificates, options.extraCaPem] : undefined;
  const httpsAgent = new https.Agent({ keepAlive: true, ...(ca ? { ca } : {}) });
  const httpAgent = new http.Agent({ keepAlive: true });
  const timeoutMs = options.timeoutMs ?? 60_000;

  return (request) =>
    new Promise<HttpResponse>((resolve, reject) => {
      const url = new URL(request.url);
      const secure = url.protocol === 'https:';
      const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body;
      const headers: Record<string, string> = { ...request.headers };
      if (body) headers['Content-Length'] = String(body.byteLength);
      const send = secure ? https.request : http.request;
      const req = send(url, { method: request.method, headers, agent: secure ? httpsAgent : httpAgent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => reject(new HttpTransportError(error.message)));
        res.on('end', () => {
          const flat: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({ status: res.statusCode ?? 0, headers: flat, body: Buffer.concat(chunks) });
        });
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)));
      req.on('error', (error: NodeJS.ErrnoException) => reject(new HttpTransportError(describeTransportError(error))));
      req.end(body);
    });
}

function describeTransportError(error: NodeJS.ErrnoException): string {
  const certificateCodes = [
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  ];
  if (error.code && certificateCodes.includes(error.code)) {
    return `${error.message}: the VCD's certificate is not signed by a CA this machine trusts (add it with --insecure-ca-file ca.pem)`;
  }
  return error.message;
}
