// cloudapi sessions: Basic login on /sessions (tenants) or /sessions/provider (System users),
// an HS256 JWT handed back in X-VMWARE-VCLOUD-ACCESS-TOKEN, Bearer (or legacy
// x-vcloud-authorization) on every later call, logout that revokes, and act-as-tenant.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SignJWT, jwtVerify } from 'jose';
import { AuthedContext, Principal, PublicContext, Reply, orgById, ref, userById, uuidOf } from '../core/context.js';
import { effectiveUserRights } from './effective-rights.js';
import { forbidden, unauthorized } from '../core/errors.js';
import { SYSTEM_ADMINISTRATOR_ROLE, type OrgRecord, type UserRecord, type VcdState } from '../core/model.js';

const TOKEN_LIFETIME = '24h';
const TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
const SESSION_IDLE_TIMEOUT_MINUTES = 30;

type Scope = 'provider' | 'tenant';

export class Sessions {
  // Per run: tokens from an earlier run are worthless, as after a VCD cell restart with a new key.
  private readonly secret = randomBytes(32);
  /** Live session ids (the JWT `jti`); logout deletes, so a revoked token fails even before `exp`. */
  private readonly live = new Set<string>();

  async login(ctx: PublicContext, scope: Scope): Promise<Reply> {
    const state = ctx.state.get();
    const credentials = parseBasic(ctx.req.headers.authorization);
    if (!credentials) throw unauthorized('Authorization: Basic base64(user@org:password) is required to log in.');
    const org = state.orgs.find((o) => o.name.toLowerCase() === credentials.orgName.toLowerCase());
    const user = org && state.users.find((u) => u.orgId === org.id && u.name.toLowerCase() === credentials.userName.toLowerCase());
    if (!org || !user || user.password !== credentials.password || !org.isEnabled) {
      throw unauthorized('Invalid credentials.');
    }
    const isProvider = org.id === state.systemOrgId;
    if (isProvider && scope === 'tenant') {
      throw unauthorized('Provider users must log in through /cloudapi/1.0.0/sessions/provider.');
    }
    if (!isProvider && scope === 'provider') {
      throw unauthorized('Only users of the System organization can log in through /cloudapi/1.0.0/sessions/provider.');
    }

    const { token, sessionId } = await this.issue(state, user, org);
    const principal = principalFor(state, sessionId, user, org, org);
    return {
      status: 200,
      body: sessionJson(state, principal),
      headers: { 'X-VMWARE-VCLOUD-ACCESS-TOKEN': token, 'X-VMWARE-VCLOUD-TOKEN-TYPE': 'Bearer' },
    };
  }

  /** Starts a session for `user` (a login, or an API token exchanged at /oauth/…/token): its JWT. */
  async issue(state: VcdState, user: UserRecord, org: OrgRecord): Promise<{ token: string; sessionId: string; expiresIn: number }> {
    const sessionId = randomUUID();
    const roleNames = rolesOf(state, user).map((role) => role.name);
    const token = await new SignJWT({ org: org.name, roles: roleNames, uid: user.id, oid: org.id })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.name)
      .setJti(sessionId)
      .setIssuer('cse-airgap-sandbox-vcd')
      .setIssuedAt()
      .setExpirationTime(TOKEN_LIFETIME)
      .sign(this.secret);
    this.live.add(sessionId);
    return { token, sessionId, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  /** Resolves the caller or throws 401; a tenant-context header it may not use is a 403. */
  async authenticate(state: VcdState, headers: IncomingHttpHeaders): Promise<Principal> {
    const token = tokenOf(headers);
    if (!token) throw unauthorized();
    let claims;
    try {
      ({ payload: claims } = await jwtVerify(token, this.secret, { algorithms: ['HS256'] }));
    } catch {
      throw unauthorized();
    }
    const sessionId = claims.jti;
    const user = typeof claims['uid'] === 'string' ? userById(state, claims['uid']) : undefined;
    const org = user && orgById(state, user.orgId);
    if (!sessionId || !this.live.has(sessionId) || !user || !org) throw unauthorized();
    return principalFor(state, sessionId, user, org, operatingOrg(state, headers, user, org));
  }

  currentSession(ctx: AuthedContext): Reply {
    return { status: 200, body: sessionJson(ctx.state.get(), ctx.principal) };
  }

  logout(ctx: AuthedContext): Reply {
    this.live.delete(ctx.principal.sessionId);
    return { status: 204 };
  }
}

function parseBasic(header: string | undefined): { userName: string; orgName: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const login = colon < 0 ? decoded : decoded.slice(0, colon);
  const at = login.lastIndexOf('@');
  if (colon < 0 || at <= 0) return undefined;
  return { userName: login.slice(0, at), orgName: login.slice(at + 1), password: decoded.slice(colon + 1) };
}

/** `Authorization: Bearer <jwt>`, or the legacy `x-vcloud-authorization: <token>` header. */
function tokenOf(headers: IncomingHttpHeaders): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (bearer?.[1]) return bearer[1];
  const legacy = headers['x-vcloud-authorization'];
  return typeof legacy === 'string' && legacy.trim() !== '' ? legacy.trim() : undefined;
}

/** Kinds of credentials a request carried, for the request log. */
export function authorizationKind(headers: IncomingHttpHeaders): 'bearer' | 'basic' | 'legacy' | 'other' | 'none' {
  const header = headers.authorization;
  if (header !== undefined) {
    if (/^Bearer\s/i.test(header)) return 'bearer';
    if (/^Basic\s/i.test(header)) return 'basic';
    return 'other';
  }
  return headers['x-vcloud-authorization'] !== undefined ? 'legacy' : 'none';
}

/**
 * X-VMWARE-VCLOUD-TENANT-CONTEXT takes the org id as a UUID (what @vcd/sdk sends) or a URN.
 * A System user may act in any org; anyone else only in his own.
 */
function operatingOrg(state: VcdState, headers: IncomingHttpHeaders, user: UserRecord, home: OrgRecord): OrgRecord {
  const header = headers['x-vmware-vcloud-tenant-context'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return home;
  const wanted = uuidOf(value.trim());
  const target = state.orgs.find((org) => uuidOf(org.id) === wanted);
  const mayActAs = home.id === state.systemOrgId || target?.id === home.id;
  if (!target || !mayActAs) throw forbidden(`urn:vcloud:org:${wanted}`);
  return target;
}

function rolesOf(state: VcdState, user: UserRecord) {
  return state.roles.filter((role) => user.roleIds.includes(role.id));
}

function principalFor(state: VcdState, sessionId: string, user: UserRecord, org: OrgRecord, operating: OrgRecord): Principal {
  const roles = rolesOf(state, user);
  return {
    sessionId,
    user,
    org,
    operatingOrg: operating,
    roles,
    // A tenant's roles only give the rights of the bundles published to his org.
    rights: effectiveUserRights(state, user),
    isProvider: org.id === state.systemOrgId,
    isSystemAdministrator: org.id === state.systemOrgId && roles.some((role) => role.name === SYSTEM_ADMINISTRATOR_ROLE),
  };
}

/** The Session model of cloudapi 1.0.0 (id, site, user, org, operatingOrg, location, roles, roleRefs, …). */
function sessionJson(state: VcdState, principal: Principal): unknown {
  return {
    id: principal.sessionId,
    site: state.site,
    user: ref(principal.user),
    org: ref(principal.org),
    operatingOrg: ref(principal.operatingOrg),
    location: `${uuidOf(principal.org.id)}@${uuidOf(state.site.id)}`,
    roles: principal.roles.map((role) => role.name),
    roleRefs: principal.roles.map(ref),
    sessionIdleTimeoutMinutes: SESSION_IDLE_TIMEOUT_MINUTES,
  };
}
