// Harbor's token service (`/service/token`), reduced to what the registry and its clients see:
// who is asking (anonymous or a sandbox user), which scopes they may have, and an RS256 JWT that
// distribution accepts (x5c header chained to its rootcertbundle).
import { X509Certificate, createPrivateKey, randomUUID, timingSafeEqual, createHash, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

export interface Project {
  name: string;
  public: boolean;
}

export type Principal = { kind: 'anonymous' } | { kind: 'user'; name: string };

export interface RequestedScope {
  type: string;
  name: string;
  actions: string[];
}

export interface GrantedAccess {
  type: string;
  name: string;
  actions: string[];
}

export interface TokenResponse {
  token: string;
  access_token: string;
  expires_in: number;
  issued_at: string;
}

const USER_ACTIONS = ['pull', 'push'];
const ANONYMOUS_ACTIONS = ['pull'];
export const TOKEN_LIFETIME_SECONDS = 1800;

/**
 * Parses `type[(class)]:name:actions`. The name is everything between the first and the last
 * colon, so a name that carries a port (`host:5000/x`) still parses.
 */
export function parseScope(scope: string): RequestedScope | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first <= 0 || last === first) return undefined;
  const type = scope.slice(0, first).replace(/\(.*\)$/, '');
  const name = scope.slice(first + 1, last);
  const actions = scope
    .slice(last + 1)
    .split(',')
    .filter((a) => a !== '');
  if (name === '') return undefined;
  return { type, name, actions };
}

/**
 * Harbor's rule, simplified: the project is the first path segment; anonymous callers may pull
 * from public projects; sandbox users may pull and push everywhere that exists; an unknown
 * project grants nothing (the registry then answers 401, as Harbor does).
 */
export function grantActions(scope: RequestedScope, principal: Principal, projects: readonly Project[]): string[] {
  if (scope.type === 'registry' && scope.name === 'catalog') {
    return principal.kind === 'user' ? scope.actions.filter((a) => a === '*') : [];
  }
  if (scope.type !== 'repository') return [];
  const project = projects.find((p) => p.name === scope.name.split('/')[0]);
  if (project === undefined) return [];
  const allowed = principal.kind === 'user' ? USER_ACTIONS : project.public ? ANONYMOUS_ACTIONS : [];
  return scope.actions.filter((a) => allowed.includes(a));
}

export interface TokenIssuerOptions {
  issuer: string;
  privateKeyPem: string;
  certPem: string;
  projects: readonly Project[];
  /** user name → password. */
  users: ReadonlyMap<string, string>;
}

export type AuthenticationResult = { kind: 'ok'; principal: Principal } | { kind: 'rejected'; reason: string };

export class TokenIssuer {
  private readonly key: KeyObject;
  private readonly x5c: string[];

  constructor(private readonly options: TokenIssuerOptions) {
    this.key = createPrivateKey(options.privateKeyPem);
    // distribution verifies x5c[0] against its rootcertbundle and then the signature with it.
    this.x5c = [new X509Certificate(options.certPem).raw.toString('base64')];
  }

  get projects(): readonly Project[] {
    return this.options.projects;
  }

  /** No Authorization header means anonymous; Basic must name a sandbox user with the right password. */
  authenticate(authorization: string | undefined): AuthenticationResult {
    if (authorization === undefined || authorization === '') return { kind: 'ok', principal: { kind: 'anonymous' } };
    const match = /^Basic\s+(\S+)$/i.exec(authorization);
    if (match === null) return { kind: 'rejected', reason: 'unsupported authorization scheme' };
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { kind: 'rejected', reason: 'malformed basic credentials' };
    const name = decoded.slice(0, colon);
    const expected = this.options.users.get(name);
    if (expected === undefined || !sameSecret(expected, decoded.slice(colon + 1))) {
      return { kind: 'rejected', reason: 'invalid user name or password' };
    }
    return { kind: 'ok', principal: { kind: 'user', name } };
  }

  /** Grants what the principal may have for every scope; scopes it may not have stay, empty. */
  grant(principal: Principal, scopes: readonly string[]): GrantedAccess[] {
    const access: GrantedAccess[] = [];
    for (const raw of scopes.flatMap((s) => s.split(' ')).filter((s) => s !== '')) {
      const scope = parseScope(raw);
      if (scope === undefined) continue;
      access.push({
        type: scope.type,
        name: scope.name,
        actions: grantActions(scope, principal, this.options.projects),
      });
    }
    return access;
  }

  async issue(principal: Principal, service: string, scopes: readonly string[]): Promise<TokenResponse> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ access: this.grant(principal, scopes) })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', x5c: this.x5c })
      .setIssuer(this.options.issuer)
      .setSubject(principal.kind === 'user' ? principal.name : '')
      .setAudience(service)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
      .setJti(randomUUID())
      .sign(this.key);
    // Harbor writes issued_at as RFC 3339 in whole seconds.
    const issuedAt = new Date(now * 1000).toISOString().replace('.000Z', 'Z');
    return { token, access_token: token, expires_in: TOKEN_LIFETIME_SECONDS, issued_at: issuedAt };
  }
}

function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal lengths, which timingSafeEqual requires.
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
