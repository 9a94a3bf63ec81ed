// ssl/trustedCertificates: VCD's per-org trust store. It lives in the state (seeded with the
// sandbox registry CA) so that trusting a certificate through the API changes what
// testConnection accepts, as in VCD.
import { X509Certificate, randomUUID } from 'node:crypto';
import { AuthedContext, Principal, Reply } from '../core/context.js';
import { badRequest, forbidden } from '../core/errors.js';
import { JsonObject, TrustedCertificateRecord, VcdState, isJsonObject } from '../core/model.js';
import { paginate } from '../core/paging.js';

const CERT_FIELDS = ['id', 'alias', 'certificate'] as const;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function listTrustedCertificates(ctx: AuthedContext): Reply {
  const orgId = ctx.principal.operatingOrg.id;
  const values = ctx.state
    .get()
    .trustedCertificates.filter((cert) => cert.orgId === orgId)
    .map(certJson);
  const page = paginate(values, ctx.url, CERT_FIELDS);
  return { status: 200, body: page.body, headers: page.headers };
}

export function getTrustedCertificate(ctx: AuthedContext): Reply {
  return { status: 200, body: certJson(findCert(ctx, ctx.state.get())) };
}

export async function createTrustedCertificate(ctx: AuthedContext): Promise<Reply> {
  requireManager(ctx.principal);
  const body = await ctx.readJson();
  if (!isJsonObject(body)) throw badRequest('The request body must be a TrustedCertificate JSON object.');
  const { alias, certificate } = body;
  if (typeof alias !== 'string' || alias.trim() === '') throw badRequest('alias is required.');
  if (typeof certificate !== 'string') throw badRequest('certificate is required (PEM).');
  const pem = parseSingleCertificate(certificate);
  const orgId = ctx.principal.operatingOrg.id;
  const record = await ctx.state.update((draft): TrustedCertificateRecord => {
    const taken = draft.trustedCertificates.some((cert) => cert.orgId === orgId && cert.alias.toLowerCase() === alias.toLowerCase());
    if (taken) throw badRequest(`A trusted certificate with alias "${alias}" already exists.`);
    const created = { id: `urn:vcloud:trustedCertificate:${randomUUID()}`, alias, certificate: pem, orgId };
    draft.trustedCertificates.push(created);
    return created;
  });
  return { status: 201, body: certJson(record) };
}

export async function deleteTrustedCertificate(ctx: AuthedContext): Promise<Reply> {
  requireManager(ctx.principal);
  await ctx.state.update((draft) => {
    const cert = findCert(ctx, draft);
    draft.trustedCertificates = draft.trustedCertificates.filter((candidate) => candidate.id !== cert.id);
  });
  return { status: 204 };
}

/** What testConnection trusts for this caller: System's store plus that of the org it acts in. */
export function trustAnchorsFor(state: VcdState, principal: Principal): X509Certificate[] {
  return anchorsOf(state, new Set([state.systemOrgId, principal.operatingOrg.id]));
}

/** What VCD trusts when it proxies to an external endpoint: the System organization's store only. */
export function systemTrustAnchors(state: VcdState): X509Certificate[] {
  return anchorsOf(state, new Set([state.systemOrgId]));
}

/**
 * Parsed certificates by PEM text: every /ext-api request asks for System's anchors, and parsing
 * them each time cost the sandbox's one thread more than forwarding the request. Entries are a
 * handful; the cache is emptied should it ever grow large.
 */
const parsed = new Map<string, X509Certificate | undefined>();
const MAX_PARSED = 1_000;

function parseCached(pem: string): X509Certificate | undefined {
  if (parsed.has(pem)) return parsed.get(pem);
  if (parsed.size >= MAX_PARSED) parsed.clear();
  let certificate: X509Certificate | undefined;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    certificate = undefined; // a damaged entry must not break every probe
  }
  parsed.set(pem, certificate);
  return certificate;
}

function anchorsOf(state: VcdState, orgs: ReadonlySet<string>): X509Certificate[] {
  return state.trustedCertificates
    .filter((cert) => orgs.has(cert.orgId))
    .flatMap((cert) => cert.certificate.match(PEM_BLOCK) ?? [])
    .flatMap((pem) => {
      const certificate = parseCached(pem);
      return certificate ? [certificate] : [];
    });
}

/** Assumed: System administrators and organization administrators manage their org's store. */
function requireManager(principal: Principal): void {
  const mayManage = principal.isSystemAdministrator || principal.roles.some((role) => role.name === 'Organization Administrator');
  if (!mayManage) throw forbidden('ssl/trustedCertificates', 'Certificate Library: Manage');
}

function findCert(ctx: AuthedContext, state: VcdState): TrustedCertificateRecord {
  const [id = ''] = ctx.params;
  const cert = state.trustedCertificates.find((candidate) => candidate.id === id && candidate.orgId === ctx.principal.operatingOrg.id);
  if (!cert) throw forbidden(id);
  return cert;
}

/** VCD stores one certificate per entry, normalised to a clean PEM block. */
function parseSingleCertificate(text: string): string {
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length !== 1 || !blocks[0]) throw badRequest('certificate must contain exactly one PEM certificate.');
  try {
    return new X509Certificate(blocks[0]).toString().trim();
  } catch (error) {
    throw badRequest(`certificate is not a valid X.509 certificate: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function certJson(cert: TrustedCertificateRecord): JsonObject {
  return { id: cert.id, alias: cert.alias, certificate: cert.certificate };
}
