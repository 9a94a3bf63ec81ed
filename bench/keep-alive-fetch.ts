// A `fetch` over node:https with a keep-alive agent, for the bench only. Node's own fetch (undici)
// closes the connection after every HEAD request, so each HEAD would pay a new TCP + TLS
// handshake (measured: 120 HEADs at concurrency 6 opened 120 connections; GETs opened 9). A
// browser keeps HEAD connections alive, so measuring the plug-in's checkers through undici would
// charge them for a Node quirk. HttpClient's FetchBackend calls whatever `fetch` is global.
import https from 'node:https';

export function keepAliveFetch(maxSockets: number): typeof fetch {
  const agent = new https.Agent({ keepAlive: true, maxSockets });
  return (input: string | URL | Request, init?: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      const headers: Record<string, string> = {};
      new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).forEach((value, key) => (headers[key] = value));
      const request = https.request(url, { method, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const responseHeaders = new Headers();
          for (const [key, value] of Object.entries(response.headers)) {
            if (value !== undefined) responseHeaders.set(key, Array.isArray(value) ? value.join(', ') : value);
          }
          const status = response.statusCode ?? 0;
          const hasBody = method !== 'HEAD' && status !== 204 && status !== 304;
          resolve(
            new Response(hasBody ? Buffer.concat(chunks) : null, {
              status,
              statusText: response.statusMessage ?? '',
              headers: responseHeaders,
            }),
          );
        });
        response.on('error', reject);
      });
      const signal = init?.signal;
      signal?.addEventListener('abort', () => request.destroy(new DOMException('aborted', 'AbortError')), { once: true });
      request.on('error', (error) =>
        reject(signal?.aborted ? new DOMException('aborted', 'AbortError') : new TypeError('fetch failed', { cause: error })),
      );
      if (typeof init?.body === 'string' || init?.body instanceof Uint8Array) request.end(init.body);
      else request.end();
    });
}
