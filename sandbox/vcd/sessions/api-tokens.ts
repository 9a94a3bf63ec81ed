// API tokens (VCD 10.3.1+, API 36.1): what a script logs in with instead of a password.
// Verified (go-vcloud-director govcd/api_token.go): a logged-in user registers a client at
// POST /oauth/provider/register {client_name} (System users; tenants use /oauth/tenant/<org>/…) and
// gets the token once from POST /oauth/provider/token with the form fields
// grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer, assertion=<his JWT>, client_id; afterwards
// grant_type=refresh_token&refresh_token=<API token> (form-encoded) answers
// {access_token, token_type, expires_in, refresh_token}; DELETE /cloudapi/1.0.0/tokens/{id} revokes.
// Assumed: an unknown or revoked token is a 400 with RFC 6749's {error: "invalid_grant",
// error_description}; the API token does not rotate (refresh_token: null in the answer).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Sessions } from './auth.js';
import { AuthedContext, Principal, PublicContext, Reply, orgById, uuidOf } from '../core/context.js';
import { VcdError, badRequest, forbidden } from '../core/errors.js';
import { isJsonObject } from '../core/model.js';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** An OAuth error answer (RFC 6749 §5.2), not VCD's error body: the token endpoint is not cloudapi. */
const oauthError = (status: number, error: string, description: string): Reply => ({
  status,
  body: { error, error_description: description },
});

export class ApiTokens {
  constructor(private readonly sessions: Sessions) {}

  async register(ctx: AuthedContext): Promise<Reply> {
    const state = ctx.state.get();
    if (ctx.principal.org.id !== state.systemOrgId) throw forbidden('/oauth/provider/register');
    const body = await ctx.readJson();
    const name = isJsonObject(body) ? body['client_name'] : undefined;
    if (typeof name !== 'string' || name.trim() === '') throw badRequest('client_name is required.');
    const clientId = randomUUID();
    await ctx.state.update((draft) => {
      (draft.apiTokens ??= []).push({ id: `urn:vcloud:token:${clientId}`, name, userId: ctx.principal.user.id, refreshTokenSha256: null });
    });
    return { status: 200, body: { client_id: clientId, client_name: name, grant_types: [JWT_BEARER], token_endpoint_auth_method: 'none' } };
  }

  async token(ctx: PublicContext): Promise<Reply> {
    const form = new URLSearchParams(await readText(ctx));
    const grant = form.get('grant_type');
    if (grant === JWT_BEARER) return this.handOut(ctx, form);
    if (grant !== 'refresh_token') return oauthError(400, 'unsupported_grant_type', `grant_type ${grant ?? '(none)'} is not supported.`);
    const presented = form.get('refresh_token') ?? '';
    const state = ctx.state.get();
    const record = (state.apiTokens ?? []).find(
      (token) => token.refreshTokenSha256 !== null && token.refreshTokenSha256 === sha256(presented),
    );
    const user = record && state.users.find((candidate) => candidate.id === record.userId);
    const org = user && orgById(state, user.orgId);
    if (!record || !user || !org || org.id !== state.systemOrgId || !org.isEnabled) {
      return oauthError(400, 'invalid_grant', 'The API token is invalid, expired or revoked.');
    }
    const session = await this.sessions.issue(state, user, org);
    return {
      status: 200,
      body: { access_token: session.token, token_type: 'API Token', expires_in: session.expiresIn, refresh_token: null },
    };
  }

  async revoke(ctx: AuthedContext): Promise<Reply> {
    const [id = ''] = ctx.params;
    await ctx.state.update((draft) => {
      const record = (draft.apiTokens ?? []).find((token) => token.id === id);
      if (!record || (record.userId !== ctx.principal.user.id && !ctx.principal.isSystemAdministrator))
        throw forbidden(id, 'Token: Manage');
      draft.apiTokens = (draft.apiTokens ?? []).filter((token) => token !== record);
    });
    return { status: 204 };
  }

  /** The jwt-bearer grant: hands the new API token out once, to the user who registered it. */
  private async handOut(ctx: PublicContext, form: URLSearchParams): Promise<Reply> {
    const clientId = form.get('client_id') ?? '';
    const assertion = form.get('assertion') ?? '';
    let principal: Principal;
    try {
      principal = await this.sessions.authenticate(ctx.state.get(), { authorization: `Bearer ${assertion}` });
    } catch {
      return oauthError(400, 'invalid_grant', 'The assertion is not a valid session token.');
    }
    const refreshToken = randomBytes(24).toString('base64url');
    const handedOut = await ctx.state.update((draft) => {
      const record = (draft.apiTokens ?? []).find((token) => uuidOf(token.id) === clientId && token.userId === principal.user.id);
      if (!record || record.refreshTokenSha256 !== null) return false;
      record.refreshTokenSha256 = sha256(refreshToken);
      return true;
    });
    if (!handedOut) return oauthError(400, 'invalid_grant', 'Unknown client_id, or its token was already handed out.');
    const session = await this.sessions.issue(ctx.state.get(), principal.user, principal.org);
    return {
      status: 200,
      body: { access_token: session.token, token_type: 'API Token', expires_in: session.expiresIn, refresh_token: refreshToken },
    };
  }
}

async function readText(ctx: PublicContext): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > 64 * 1024) throw new VcdError(413, 'The request body is too large.', 'BAD_REQUEST');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
