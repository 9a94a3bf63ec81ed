// A minimal HTTPS client that trusts the sandbox CA explicitly. Node's global fetch only trusts a
// CA given through NODE_EXTRA_CA_CERTS at process start, which a server started in-process (or a
// test) cannot set, hence plain `https.request` with `ca` and a keep-alive agent.
import { Agent, request } from 'node:https';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

export interface HttpsResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface HttpsRequestOptions {
  agent: Agent;
  method?: string;
  headers?: OutgoingHttpHeaders;
  body?: Buffer | string;
  timeoutMs?: number;
  /** Node refuses answer heads over 16 KiB unless told otherwise (a hostile-header test reads 1 MiB). */
  maxHeaderSize?: number;
}

/** Keep-alive matters: a seed or a presence check makes hundreds of small requests. */
export function createTrustingAgent(caPem: string): Agent {
  return new Agent({ ca: caPem, keepAlive: true, maxSockets: 8 });
}

export function httpsRequest(url: string | URL, options: HttpsRequestOptions): Promise<HttpsResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: options.agent,
        timeout: options.timeoutMs ?? 10_000,
        ...(options.maxHeaderSize === undefined ? {} : { maxHeaderSize: options.maxHeaderSize }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${options.method ?? 'GET'} ${String(url)} timed out`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The one value of a header that may have been sent several times. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
