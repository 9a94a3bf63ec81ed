/*
 * What an entry's text says, read with the exact words kubeadm, containerd and Go write
 * (docs/domain.md#cluster-messages). Every pattern is a literal or a bounded
 * character class with no nested repetition, and the text is already capped: linear time.
 */

/** Why an image could not be pulled, most specific first. */
export type PullCause =
  | 'proxy'
  | 'unknownAuthority'
  | 'certificateName'
  | 'certificateExpired'
  | 'tls'
  | 'dns'
  | 'timeout'
  | 'refused'
  | 'plainHttp'
  | 'accessDenied'
  | 'notFound'
  | 'unknown';

export type ConnectionCause = Exclude<PullCause, 'accessDenied' | 'notFound' | 'unknown'>;

export interface ImagePullEvidence {
  /** The reference as the program wrote it (quotes and a trailing ':' removed). */
  readonly reference: string;
  readonly cause: PullCause;
}

export interface ConnectionEvidence {
  readonly cause: ConnectionCause;
  /** The host the failing connection was for (a proxy's own host for 'proxy'). */
  readonly host?: string;
  /** The URL's path is VCD's API (/api/, /cloudapi/, /oauth/). */
  readonly isVcdApi: boolean;
}

const MAX_IMAGES_PER_ENTRY = 20;
const LOOK_BACK = 600;

// kubeadm "failed to pull image X", kubelet "Failed to pull image \"X\"", containerd's two.
const IMAGE_MARKER =
  /(?:[Ff]ailed to pull image|failed to pull and unpack image|failed to resolve reference) \\*"?([A-Za-z0-9._\-/:@[\]]{1,512})/g;

const CAUSES: readonly { readonly cause: ConnectionCause; readonly words: readonly string[] }[] = [
  { cause: 'proxy', words: ['proxyconnect'] },
  { cause: 'unknownAuthority', words: ['x509: certificate signed by unknown authority'] },
  { cause: 'certificateName', words: ['x509: certificate is valid for', 'x509: certificate is not valid for any names'] },
  { cause: 'certificateExpired', words: ['x509: certificate has expired or is not yet valid'] },
  { cause: 'tls', words: ['tls: failed to verify certificate', 'x509: ', 'remote error: tls:'] },
  { cause: 'dns', words: ['no such host', 'server misbehaving', 'Temporary failure in name resolution'] },
  { cause: 'timeout', words: ['i/o timeout', 'context deadline exceeded', 'Client.Timeout exceeded', 'TLS handshake timeout'] },
  { cause: 'refused', words: ['connection refused', 'no route to host', 'network is unreachable'] },
  { cause: 'plainHttp', words: ['server gave HTTP response to HTTPS client'] },
];

/** The first cause (in CAUSES order) whose words occur in `text`, and where. */
function firstCause(text: string): { readonly cause: ConnectionCause; readonly at: number } | undefined {
  for (const { cause, words } of CAUSES) {
    for (const word of words) {
      const at = text.indexOf(word);
      if (at >= 0) return { cause, at };
    }
  }
  return undefined;
}

function pullCause(segment: string): PullCause {
  const connection = firstCause(segment)?.cause;
  if (connection) return connection;
  if (segment.includes('pull access denied') || segment.includes('insufficient_scope') || / 40[13] /.test(segment)) {
    return 'accessDenied';
  }
  if (segment.includes(': not found') || segment.includes('manifest unknown') || segment.includes('code = NotFound')) return 'notFound';
  return 'unknown';
}

/** Every image the text says could not be pulled, each with the cause its own part of the text gives. */
export function imagePulls(text: string): ImagePullEvidence[] {
  const found: { reference: string; at: number }[] = [];
  IMAGE_MARKER.lastIndex = 0;
  for (let match = IMAGE_MARKER.exec(text); match !== null; match = IMAGE_MARKER.exec(text)) {
    const reference = (match[1] ?? '').replace(/:+$/, '');
    const previous = found[found.length - 1];
    // containerd repeats the reference inside kubeadm's message: one image, one part of the text.
    if (reference !== '' && previous?.reference !== reference) {
      if (found.length === MAX_IMAGES_PER_ENTRY) break;
      found.push({ reference, at: match.index });
    }
  }
  const seen = new Set<string>();
  return found.flatMap(({ reference, at }, i) => {
    if (seen.has(reference)) return [];
    seen.add(reference);
    const end = found[i + 1]?.at ?? text.length;
    return [{ reference, cause: pullCause(text.slice(at, end)) }];
  });
}

const URL_HOST = /https?:\/\/([A-Za-z0-9.\-[\]:]{1,300})(\/[^\s"\\]{0,200})?/g;
const LOOKUP_HOST = /lookup ([A-Za-z0-9.-]{1,253})/g;
const DIAL_HOST = /dial tcp ([A-Za-z0-9.\-[\]:]{1,300}):/g;

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) last = match;
  return last;
}

/** host[:port] → host (brackets of an IPv6 literal kept). */
export function hostOf(authority: string): string {
  const lower = authority.toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.lastIndexOf(':');
  return colon > 0 && /^\d+$/.test(lower.slice(colon + 1)) ? lower.slice(0, colon) : lower;
}

/** A connection failure the text describes (no image in it), with the host it was for. */
export function connectionProblem(text: string): ConnectionEvidence | undefined {
  const found = firstCause(text);
  if (!found) return undefined;
  const before = text.slice(Math.max(0, found.at - LOOK_BACK), found.at + 200);
  if (found.cause === 'proxy') {
    const proxy = /proxyconnect tcp: dial tcp ([A-Za-z0-9.\-[\]:]{1,300}):/.exec(before);
    const url = lastMatch(URL_HOST, text.slice(Math.max(0, found.at - LOOK_BACK), found.at));
    return { cause: 'proxy', ...(proxy?.[1] ? { host: hostOf(proxy[1]) } : {}), isVcdApi: isVcdPath(url?.[2]) };
  }
  const url = lastMatch(URL_HOST, before);
  const lookup = found.cause === 'dns' ? lastMatch(LOOKUP_HOST, before) : undefined;
  const dial = lastMatch(DIAL_HOST, before);
  const authority = lookup?.[1] ?? url?.[1] ?? dial?.[1];
  return { cause: found.cause, ...(authority ? { host: hostOf(authority) } : {}), isVcdApi: isVcdPath(url?.[2]) };
}

function isVcdPath(path: string | undefined): boolean {
  return path !== undefined && /^\/(?:api|cloudapi|oauth)\//.test(path);
}

/** `time for postcustomization status [<phase>] exceeded timeout [<s>]` (CAPVCD's waitForPostCustomizationPhase). */
export function bootstrapPhaseTimeout(text: string): string | undefined {
  const match = /time for postcustomization status \[([A-Za-z0-9._-]{1,120})\] exceeded timeout/.exec(text);
  return match?.[1];
}

/** `script failed with status [<n>] and reason [...]` (CAPVCD's hasCloudInitExecutionFailedBefore). */
export function scriptExitStatus(text: string): number | undefined {
  const match = /script failed with status \[(-?\d{1,6})\]/.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
