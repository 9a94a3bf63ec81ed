// POST /cloudapi/1.0.0/testConnection: VCD's connection test, run for real from this process.
// Request: {host, port, secure, timeout (s), hostnameVerificationAlgorithm}; answer:
// {targetProbe: ProbeResult, proxyProbe: null} (no proxy support in the sandbox).
import { AuthedContext, Reply } from '../core/context.js';
import { badRequest } from '../core/errors.js';
import { isJsonObject } from '../core/model.js';
import { probe } from './probe.js';
import { trustAnchorsFor } from './trusted-certificates.js';

/** Used when the request gives no timeout; VCD's UI itself sends 30 s (go-vcloud-director). */
const DEFAULT_TIMEOUT_SECONDS = 10;
const HOSTNAME_ALGORITHMS = ['HTTPS', 'LDAPS'];

export async function testConnection(ctx: AuthedContext): Promise<Reply> {
  const body = await ctx.readJson();
  if (!isJsonObject(body)) throw badRequest('The request body must be a Connection JSON object.');
  const { host, port, secure, timeout, hostnameVerificationAlgorithm, proxyConnection, preConfiguredProxy } = body;

  if (typeof host !== 'string' || host.trim() === '') throw badRequest('host is required.');
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw badRequest('port is required and must be an integer between 1 and 65535.');
  }
  if (secure !== undefined && secure !== null && typeof secure !== 'boolean') throw badRequest('secure must be a boolean.');
  if (timeout !== undefined && timeout !== null && (typeof timeout !== 'number' || timeout < 0)) {
    throw badRequest('timeout must be a number of seconds.');
  }
  const algorithm = hostnameVerificationAlgorithm ?? null;
  if (algorithm !== null && (typeof algorithm !== 'string' || !HOSTNAME_ALGORITHMS.includes(algorithm))) {
    throw badRequest(`hostnameVerificationAlgorithm must be one of ${HOSTNAME_ALGORITHMS.join(', ')}.`);
  }
  if ((proxyConnection ?? null) !== null || (preConfiguredProxy ?? null) !== null) {
    throw badRequest('The sandbox does not test connections through a proxy.');
  }

  const seconds = typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_TIMEOUT_SECONDS;
  const targetProbe = await probe(
    {
      host: host.trim(),
      port,
      secure: secure ?? true, // assumed default: every VCD client sends it, the UI sends true
      timeoutMs: seconds * 1000,
      verifyHostname: algorithm !== null,
    },
    trustAnchorsFor(ctx.state.get(), ctx.principal),
  );
  return { status: 200, body: { targetProbe, proxyProbe: null } };
}
