// VCD's /ext-api proxy keeps its connections to an external endpoint open and reuses them, as an
// HTTP client pool does (Jetty's, in VCD): each new TLS connection is checked once against the
// System organization's trusted certificates and the endpoint's host name, then carries the next
// requests to that endpoint. Without a pool every /ext-api call would pay a TLS handshake to the
// registry, which measures the sandbox instead of the plug-in.
import { createHash, type X509Certificate } from 'node:crypto';
import { Agent, type AgentOptions } from 'node:http';
import { isIP, type Socket } from 'node:net';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import { VcdError } from '../core/errors.js';
import { matchesHost, peerChain, whyUntrusted } from '../connections/probe.js';
import type { SandboxHosts } from '../../lib/hosts.js';

const CONNECT_TIMEOUT_MS = 10_000;
/** Connections per endpoint at most (Jetty's default per destination is 64). */
const MAX_SOCKETS = 64;

/** A TLS connection to the endpoint whose chain leads to System's trusted certificates and names the host. */
export function openTrustedTls(url: URL, anchors: readonly X509Certificate[], hosts: SandboxHosts = new Map()): Promise<TLSSocket> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  return new Promise((resolve, reject) => {
    // A sandbox host name (harbor.sandbox.test) is connected to where the sandbox says it lives.
    const address = hosts.get(host.toLowerCase())?.connectTo ?? host;
    const socket = connectTls({ host: address, port, servername: isIP(host) ? undefined : host, rejectUnauthorized: false });
    const fail = (status: number, message: string): void => {
      socket.destroy();
      reject(new VcdError(status, message));
    };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => fail(504, `No answer from ${url.host} within ${CONNECT_TIMEOUT_MS / 1000} s.`));
    socket.once('secureConnect', () => {
      socket.setTimeout(0);
      const chain = peerChain(socket.getPeerCertificate(true));
      const distrust = whyUntrusted(chain, anchors);
      if (distrust) return fail(502, `The certificate of ${url.host} is not trusted by the System organization: ${distrust}`);
      const [leaf] = chain;
      if (leaf && !matchesHost(leaf, host)) return fail(502, `The certificate of ${url.host} is not valid for ${host}.`);
      resolve(socket);
    });
    socket.on('error', (error) => fail(502, `Cannot connect to ${url.host}: ${error.message}`));
  });
}

class TrustedAgent extends Agent {
  constructor(
    private readonly url: URL,
    private readonly anchors: readonly X509Certificate[],
    private readonly hosts: SandboxHosts,
    options: AgentOptions,
  ) {
    super(options);
  }

  // http.Agent waits for the callback when createConnection returns nothing: the trust check is asynchronous.
  createConnection(_options: unknown, callback?: (error: Error | null, socket?: Socket) => void): Socket {
    openTrustedTls(this.url, this.anchors, this.hosts).then(
      (socket) => callback?.(null, socket),
      (error: Error) => callback?.(error),
    );
    return undefined as unknown as Socket;
  }
}

const agents = new Map<string, TrustedAgent>();
/** Node computes a fingerprint on every read; the anchors are the same objects from one request to the next. */
const fingerprints = new WeakMap<X509Certificate, string>();

function fingerprintOf(anchor: X509Certificate): string {
  let fingerprint = fingerprints.get(anchor);
  if (fingerprint === undefined) {
    fingerprint = anchor.fingerprint256;
    fingerprints.set(anchor, fingerprint);
  }
  return fingerprint;
}

/** The pool for an endpoint, for the trust anchors in force now (a change of anchors starts a new pool). */
export function endpointAgent(url: URL, anchors: readonly X509Certificate[], hosts: SandboxHosts = new Map()): Agent {
  const trust = createHash('sha256').update(anchors.map(fingerprintOf).join(',')).digest('hex');
  const connectTo = hosts.get(url.hostname.replace(/^\[|\]$/g, '').toLowerCase())?.connectTo ?? '';
  const key = `${url.protocol}//${url.host}@${connectTo}#${trust}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new TrustedAgent(url, anchors, hosts, { keepAlive: true, maxSockets: MAX_SOCKETS });
    agents.set(key, agent);
  }
  return agent;
}

/** Closes every pooled connection (the sandbox stops). */
export function closeEndpointAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}
