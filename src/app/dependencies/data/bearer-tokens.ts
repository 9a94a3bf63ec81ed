/*
 * Anonymous bearer tokens for the OCI distribution API, the way cluster nodes get them — but one
 * token request for many repositories: `GET realm?service=…&scope=repository:a:pull&scope=…`.
 * A token grows ~100 bytes per repository in its scope and nginx in front of Harbor rejects
 * headers over 8 KB, hence at most 50 repositories per token and a bounded URL.
 */
import { parseChallenges } from './header-syntax';

export interface BearerChallenge {
  readonly realm: string;
  readonly service?: string;
  /** `invalid_token` (expired: ask again) or `insufficient_scope` (refused). */
  readonly error?: string;
}

export interface IssuedToken {
  readonly token: string;
  readonly expiresInSeconds: number;
}

export const MAX_REPOSITORIES_PER_TOKEN = 50;
export const MAX_TOKEN_URL_LENGTH = 6000;
/** The token spec's default when a token service omits `expires_in`. */
const DEFAULT_EXPIRES_IN_SECONDS = 60;

/**
 * The Bearer challenge in a `WWW-Authenticate` header, or undefined (no header, Basic only, no
 * realm, or a header over 64 KiB). Read in one pass: see `parseChallenges`.
 */
export function parseBearerChallenge(header: string | null | undefined): BearerChallenge | undefined {
  const bearer = parseChallenges(header ?? '').find((challenge) => challenge.scheme.toLowerCase() === 'bearer');
  const realm = bearer?.params.get('realm');
  if (!bearer || !realm) return undefined;
  const service = bearer.params.get('service');
  const error = bearer.params.get('error');
  return { realm, ...(service ? { service } : {}), ...(error ? { error } : {}) };
}

/**
 * Where the page asks for tokens. A realm on another origin than the base (Harbor names its own
 * external URL) cannot be called from the page (no CORS): ask the base's origin instead, at the
 * realm's path — what a proxy that fronts the whole registry host serves.
 */
export function tokenEndpoint(realm: string, baseUrl: string): string {
  try {
    const base = new URL(baseUrl);
    const resolved = new URL(realm, base);
    if (resolved.origin === base.origin) return resolved.href;
    return `${baseUrl.replace(/\/+$/, '')}${resolved.pathname}${resolved.search}`;
  } catch {
    return realm;
  }
}

/** `:` and `/` are legal in a query: leaving them unescaped keeps 50 scopes well under the URL bound. */
function queryValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

export function tokenRequestUrl(endpoint: string, service: string | undefined, repositories: readonly string[]): string {
  const params = [
    ...(service !== undefined ? [`service=${queryValue(service)}`] : []),
    ...repositories.map((repository) => `scope=${queryValue(`repository:${repository}:pull`)}`),
  ];
  return `${endpoint}${endpoint.includes('?') ? '&' : '?'}${params.join('&')}`;
}

/** `first`, then as many of `candidates` as fit in one token request (≤ 50 repositories, URL < 6 KB). */
export function planTokenBatch(endpoint: string, service: string | undefined, first: string, candidates: Iterable<string>): string[] {
  const batch = [first];
  let length = tokenRequestUrl(endpoint, service, batch).length;
  for (const candidate of candidates) {
    if (batch.length >= MAX_REPOSITORIES_PER_TOKEN) break;
    if (candidate === first || batch.includes(candidate)) continue;
    const added = `&scope=${queryValue(`repository:${candidate}:pull`)}`.length;
    if (length + added >= MAX_TOKEN_URL_LENGTH) break;
    batch.push(candidate);
    length += added;
  }
  return batch;
}

/** Reads `{token | access_token, expires_in}`; undefined when there is no token. */
export function readIssuedToken(body: unknown): IssuedToken | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const token = typeof record['token'] === 'string' && record['token'] ? record['token'] : record['access_token'];
  if (typeof token !== 'string' || token === '') return undefined;
  const expiresIn = record['expires_in'];
  return {
    token,
    expiresInSeconds: typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : DEFAULT_EXPIRES_IN_SECONDS,
  };
}

interface TokenBatch {
  readonly repositories: ReadonlySet<string>;
  token: Promise<string>;
  issued?: string;
  /** Until issued: in flight, good for whoever waits. */
  expiresAt: number;
  isDiscarded: boolean;
}

/**
 * Tokens for one check. A repository without a live token starts a batch: itself plus the next
 * repositories still to check that no live token covers. When the newest batch is first used,
 * the next one is asked for, so later repositories find their token ready.
 */
export class AnonymousTokens {
  private challenge?: { readonly endpoint: string; readonly service?: string };
  private readonly batches: TokenBatch[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly fetchToken: (url: string) => Promise<IssuedToken>,
    /** Repositories still to check, in check order. */
    private readonly upcoming: () => Iterable<string>,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get isKnown(): boolean {
    return this.challenge !== undefined;
  }

  learn(challenge: BearerChallenge): void {
    this.challenge ??= {
      endpoint: tokenEndpoint(challenge.realm, this.baseUrl),
      ...(challenge.service !== undefined ? { service: challenge.service } : {}),
    };
  }

  tokenFor(repository: string): Promise<string> {
    const batch = this.live().find((candidate) => candidate.repositories.has(repository)) ?? this.request(repository);
    if (batch === this.batches.at(-1)) this.prefetch();
    return batch.token;
  }

  /** The registry called `token` invalid (expired early, clock skew): the next request asks again. */
  discard(token: string): void {
    for (const batch of this.batches) if (batch.issued === token) batch.isDiscarded = true;
  }

  private live(): TokenBatch[] {
    const now = this.now();
    return this.batches.filter((batch) => !batch.isDiscarded && batch.expiresAt > now);
  }

  private covered(): Set<string> {
    return new Set(this.live().flatMap((batch) => [...batch.repositories]));
  }

  private request(first: string): TokenBatch {
    const challenge = this.challenge;
    if (!challenge) throw new Error('no bearer challenge yet');
    const covered = this.covered();
    const candidates = [...this.upcoming()].filter((repository) => !covered.has(repository));
    const repositories = planTokenBatch(challenge.endpoint, challenge.service, first, candidates);
    const batch: TokenBatch = { repositories: new Set(repositories), token: Promise.resolve(''), expiresAt: Infinity, isDiscarded: false };
    batch.token = this.fetchToken(tokenRequestUrl(challenge.endpoint, challenge.service, repositories)).then(
      (issued) => {
        // Renew ahead of expiry (10 s, or half a very short lifetime): never send a token that dies in flight.
        const usable = Math.max(issued.expiresInSeconds - 10, issued.expiresInSeconds / 2);
        batch.expiresAt = this.now() + usable * 1000;
        batch.issued = issued.token;
        return issued.token;
      },
      (error: unknown) => {
        batch.isDiscarded = true;
        throw error;
      },
    );
    this.batches.push(batch);
    return batch;
  }

  private prefetch(): void {
    const covered = this.covered();
    for (const repository of this.upcoming()) {
      if (!covered.has(repository)) {
        // Whoever needs it later sees the failure; nobody waits on the prefetch itself.
        this.request(repository).token.catch(() => undefined);
        return;
      }
    }
  }
}
