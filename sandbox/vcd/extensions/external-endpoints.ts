// cloudapi/1.0.0/externalEndpoints (VCD 10.4.3+, API 37.3): where `/ext-api` requests go.
// VCD API reference: POST → 200 ExternalEndpoint; vendor, name and version are unique and cannot
// change (a PUT ignores them, go-vcloud-director); rootUrl must be an https URL; "Only disabled
// endpoints (enabled = false) can be deleted". The id is
// `urn:vcloud:extensionEndpoint:<vendor>:<name>:<version>`, as real VCD answers (terraform-provider-vcd's
// acceptance test and the vcd-ext-sdk example), not the `urn:vcloud:externalEndpoint:vendor.name:…`
// of the API reference's sample. System administrators only (terraform-provider-vcd's docs).
// `authorizationEnabled` (a boolean of the VCD 10.5+ ExternalEndpoint, VCD's OpenAPI reference and
// its External Endpoint APIs overview) is kept as sent, null when absent; ext-api.ts says what the
// sandbox assumes it changes.
import { AuthedContext, Reply } from '../core/context.js';
import { VcdError, badRequest, forbidden } from '../core/errors.js';
import { requireSystemAdministrator } from '../entities/entity-types.js';
import { ExternalEndpointRecord, JsonObject, VcdState, isJsonObject } from '../core/model.js';
import { paginate } from '../core/paging.js';

const FIELDS = ['id', 'name', 'vendor', 'version', 'enabled', 'rootUrl', 'description', 'authorizationEnabled'] as const;
const SEMVER = /^\d+\.\d+\.\d+$/;
/** Assumed: go-vcloud-director's tests strip "." from names because VCD refuses special characters. */
const IDENTIFIER = /^[A-Za-z0-9_-]+$/;

export function listExternalEndpoints(ctx: AuthedContext): Reply {
  requireSystemAdministrator(ctx.principal, 'externalEndpoints');
  const page = paginate(ctx.state.get().externalEndpoints.map(endpointJson), ctx.url, FIELDS);
  return { status: 200, body: page.body, headers: page.headers };
}

export function getExternalEndpoint(ctx: AuthedContext): Reply {
  requireSystemAdministrator(ctx.principal, 'externalEndpoints');
  return { status: 200, body: endpointJson(findEndpoint(ctx, ctx.state.get())) };
}

export async function createExternalEndpoint(ctx: AuthedContext): Promise<Reply> {
  requireSystemAdministrator(ctx.principal, 'externalEndpoints');
  const body = await ctx.readJson();
  if (!isJsonObject(body)) throw badRequest('The request body must be an ExternalEndpoint JSON object.');
  const { name, vendor, version } = body;
  if (typeof name !== 'string' || !IDENTIFIER.test(name))
    throw badRequest("name is required and may only contain letters, digits, '-' and '_'.");
  if (typeof vendor !== 'string' || !IDENTIFIER.test(vendor)) {
    throw badRequest("vendor is required and may only contain letters, digits, '-' and '_'.");
  }
  if (typeof version !== 'string' || !SEMVER.test(version)) {
    throw badRequest('version is required and must follow semantic versioning, without pre-release extension.');
  }
  const record: ExternalEndpointRecord = {
    id: `urn:vcloud:extensionEndpoint:${vendor}:${name}:${version}`,
    name,
    vendor,
    version,
    ...mutableFields(body),
  };
  await ctx.state.update((draft) => {
    if (draft.externalEndpoints.some((endpoint) => endpoint.id === record.id)) {
      throw badRequest(`An external endpoint with vendor ${vendor}, name ${name} and version ${version} already exists.`);
    }
    draft.externalEndpoints.push(record);
  });
  return { status: 200, body: endpointJson(record) };
}

/** PUT: enabled, description and rootUrl change; vendor, name and version are ignored. */
export async function updateExternalEndpoint(ctx: AuthedContext): Promise<Reply> {
  requireSystemAdministrator(ctx.principal, 'externalEndpoints');
  const body = await ctx.readJson();
  if (!isJsonObject(body)) throw badRequest('The request body must be an ExternalEndpoint JSON object.');
  const updated = await ctx.state.update((draft) => {
    const endpoint = findEndpoint(ctx, draft);
    if (body['id'] !== undefined && body['id'] !== null && body['id'] !== endpoint.id) {
      throw badRequest(`The id in the body (${String(body['id'])}) does not match the id in the URL (${endpoint.id}).`);
    }
    Object.assign(endpoint, mutableFields(body));
    return { ...endpoint };
  });
  return { status: 200, body: endpointJson(updated) };
}

export async function deleteExternalEndpoint(ctx: AuthedContext): Promise<Reply> {
  requireSystemAdministrator(ctx.principal, 'externalEndpoints');
  await ctx.state.update((draft) => {
    const endpoint = findEndpoint(ctx, draft);
    // Assumed 400: VCD documents the rule, not the status.
    if (endpoint.enabled) throw badRequest(`The external endpoint ${endpoint.id} is enabled; disable it before deleting it.`);
    // Assumed: VCD does not leave API filters pointing nowhere, so it refuses rather than cascades.
    if (draft.apiFilters.some((filter) => filter.externalSystemId === endpoint.id)) {
      throw badRequest(`The external endpoint ${endpoint.id} is used by API filters; delete them first.`);
    }
    draft.externalEndpoints = draft.externalEndpoints.filter((candidate) => candidate.id !== endpoint.id);
  });
  return { status: 204 };
}

export function findEndpoint(ctx: AuthedContext, state: VcdState): ExternalEndpointRecord {
  const [id = ''] = ctx.params;
  const endpoint = state.externalEndpoints.find((candidate) => candidate.id === id);
  if (!endpoint) throw forbidden(id);
  return endpoint;
}

function mutableFields(body: JsonObject): Pick<ExternalEndpointRecord, 'enabled' | 'description' | 'rootUrl' | 'authorizationEnabled'> {
  const { enabled, description, rootUrl, authorizationEnabled } = body;
  if (typeof enabled !== 'boolean') throw badRequest('enabled is required and must be a boolean.');
  if (description !== undefined && description !== null && typeof description !== 'string')
    throw badRequest('description must be a string.');
  if (authorizationEnabled !== undefined && authorizationEnabled !== null && typeof authorizationEnabled !== 'boolean')
    throw badRequest('authorizationEnabled must be a boolean.');
  return {
    enabled,
    description: typeof description === 'string' ? description : null,
    rootUrl: parseRootUrl(rootUrl),
    authorizationEnabled: typeof authorizationEnabled === 'boolean' ? authorizationEnabled : null,
  };
}

function parseRootUrl(value: unknown): string {
  if (typeof value !== 'string') throw badRequest('rootUrl is required.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest(`rootUrl must be a valid URL of https protocol, got "${value}".`);
  }
  if (url.protocol !== 'https:') throw new VcdError(400, `rootUrl must be a valid URL of https protocol, got "${value}".`);
  return value;
}

function endpointJson(endpoint: ExternalEndpointRecord): JsonObject {
  return {
    name: endpoint.name,
    id: endpoint.id,
    version: endpoint.version,
    vendor: endpoint.vendor,
    enabled: endpoint.enabled,
    description: endpoint.description,
    rootUrl: endpoint.rootUrl,
    authorizationEnabled: endpoint.authorizationEnabled ?? null,
  };
}
