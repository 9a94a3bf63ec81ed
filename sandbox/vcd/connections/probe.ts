// The real network probe behind testConnection: DNS, then TCP, then a TLS handshake that
// accepts any certificate, judged afterwards against VCD's trust store like VCD's cell does.
import { X509Certificate } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { connect as connectTcp, isIP, type Socket } from 'node:net';
import { connect as connectTls, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';

export type ConnectionResult = 'SUCCESS' | 'ERROR_CANNOT_RESOLVE_IP' | 'ERROR_CANNOT_CONNECT';
export type SslResult = 'SUCCESS' | 'ERROR_SSL_ERROR' | 'ERROR_UNTRUSTED_CERTIFICATE' | 'ERROR_CANNOT_VERIFY_HOSTNAME';

/** VCD's ProbeResult. */
export interface ProbeResult {
  result: string;
  resolvedIp: string | null;
  canConnect: boolean;
  sslHandshake: boolean;
  connectionResult: ConnectionResult;
  sslResult: SslResult | null;
  certificateChain: string | null;
  additionalCAIssuers: string[];
}

export interface ProbeTarget {
  host: string;
  port: number;
  secure: boolean;
  /** Each step (DNS, TCP, TLS) may take this long, as VCD documents `timeout`. */
  timeoutMs: number;
  verifyHostname: boolean;
}

export async function probe(target: ProbeTarget, trustAnchors: readonly X509Certificate[]): Promise<ProbeResult> {
  const where = `${target.host}:${target.port}`;
  const base = {
    resolvedIp: null,
    canConnect: false,
    sslHandshake: false,
    sslResult: null,
    certificateChain: null,
    additionalCAIssuers: [],
  };

  let ip: string;
  try {
    // IPv4 first, as a Java cell resolves by default (java.net.preferIPv6Addresses=false).
    ip = isIP(target.host)
      ? target.host
      : await withTimeout(
          lookup(target.host, { order: 'ipv4first' }).then((answer) => answer.address),
          target.timeoutMs,
        );
  } catch (error) {
    return {
      ...base,
      connectionResult: 'ERROR_CANNOT_RESOLVE_IP',
      result: `Cannot resolve ${target.host} to an IP address: ${reason(error)}`,
    };
  }

  let socket: Socket;
  try {
    socket = await openTcp(ip, target.port, target.timeoutMs);
  } catch (error) {
    return {
      ...base,
      resolvedIp: ip,
      connectionResult: 'ERROR_CANNOT_CONNECT',
      result: `Cannot connect to ${ip}:${target.port}: ${reason(error)}`,
    };
  }
  const connected = { ...base, resolvedIp: ip, canConnect: true, connectionResult: 'SUCCESS' as const };
  if (!target.secure) {
    socket.destroy();
    return { ...connected, result: `Connected to ${where}.` };
  }

  let chain: X509Certificate[];
  try {
    chain = await handshake(socket, target.host, target.timeoutMs);
  } catch (error) {
    socket.destroy();
    return { ...connected, sslResult: 'ERROR_SSL_ERROR', result: `Connected to ${where}, but the SSL handshake failed: ${reason(error)}` };
  }
  const certificateChain = chain.map((cert) => cert.toString()).join('') || null;
  const judged = { ...connected, certificateChain };

  // As in Java's handshake, an untrusted chain or a wrong name aborts it: sslHandshake stays false.
  const distrust = whyUntrusted(chain, trustAnchors);
  if (distrust) {
    return {
      ...judged,
      sslResult: 'ERROR_UNTRUSTED_CERTIFICATE',
      result: `Connected to ${where}, but its certificate is not trusted: ${distrust}`,
    };
  }
  const leaf = chain[0];
  if (target.verifyHostname && leaf && !matchesHost(leaf, target.host)) {
    return {
      ...judged,
      sslResult: 'ERROR_CANNOT_VERIFY_HOSTNAME',
      result: `Connected to ${where}, but its certificate (${leaf.subject.replace(/\n/g, ', ')}) is not valid for ${target.host}.`,
    };
  }
  return { ...judged, sslHandshake: true, sslResult: 'SUCCESS', result: `Connected to ${where} and established a trusted SSL connection.` };
}

/**
 * Why the presented chain does not lead to a trust anchor, or undefined when it does. A trusted
 * certificate may be a CA anywhere above the leaf or the leaf itself (what "Trust" in VCD stores).
 */
export function whyUntrusted(chain: readonly X509Certificate[], anchors: readonly X509Certificate[], now = new Date()): string | undefined {
  const [leaf] = chain;
  if (!leaf) return 'the server presented no certificate';
  let current = leaf;
  const used = new Set<string>([leaf.fingerprint256]);
  for (;;) {
    const expired = outsideValidity(current, now);
    if (expired) return expired;
    if (anchors.some((anchor) => anchor.fingerprint256 === current.fingerprint256)) return undefined;
    const anchor = anchors.find((candidate) => issues(candidate, current));
    if (anchor) return outsideValidity(anchor, now);
    const next = chain.find((candidate) => !used.has(candidate.fingerprint256) && candidate.ca && issues(candidate, current));
    if (!next)
      return `no trusted certificate issued "${current.subject.replace(/\n/g, ', ')}" (issuer "${current.issuer.replace(/\n/g, ', ')}")`;
    used.add(next.fingerprint256);
    current = next;
  }
}

function issues(issuer: X509Certificate, subject: X509Certificate): boolean {
  return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
}

function outsideValidity(cert: X509Certificate, now: Date): string | undefined {
  if (now < new Date(cert.validFrom)) return `"${cert.subject.replace(/\n/g, ', ')}" is not valid before ${cert.validFrom}`;
  if (now > new Date(cert.validTo)) return `"${cert.subject.replace(/\n/g, ', ')}" expired on ${cert.validTo}`;
  return undefined;
}

export function matchesHost(leaf: X509Certificate, host: string): boolean {
  return isIP(host) ? leaf.checkIP(host) !== undefined : leaf.checkHost(host) !== undefined;
}

function openTcp(ip: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host: ip, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}

/** TLS over the connected socket, accepting any certificate: trust is judged afterwards. */
function handshake(socket: Socket, host: string, timeoutMs: number): Promise<X509Certificate[]> {
  return new Promise((resolve, reject) => {
    const tls: TLSSocket = connectTls({ socket, servername: isIP(host) ? undefined : host, rejectUnauthorized: false });
    const timer = setTimeout(() => {
      tls.destroy();
      reject(new Error(`no TLS answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    tls.once('secureConnect', () => {
      clearTimeout(timer);
      const chain = peerChain(tls.getPeerCertificate(true));
      tls.destroy();
      resolve(chain);
    });
    // Keep a listener for late errors (e.g. a reset after destroy) so they never go unhandled.
    tls.on('error', (error) => {
      clearTimeout(timer);
      tls.destroy();
      reject(error);
    });
  });
}

/** The chain as presented, leaf first; stops where a certificate is its own issuer. */
export function peerChain(leaf: DetailedPeerCertificate): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | undefined = leaf;
  while (current?.raw && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(new X509Certificate(current.raw));
    current = current.issuerCertificate;
  }
  return chain;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code} ${error.message}` : error.message;
  }
  return String(error);
}
