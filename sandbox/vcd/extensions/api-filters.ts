// cloudapi/1.0.0/apiFilters (API 37.3): which `/ext-api` URLs go to which external endpoint.
// VCD API reference: POST → 200 ApiFilter {id: urn:vcloud:apiFilter:<uuid>, externalSystem {name, id},
// urlMatcher {urlPattern, urlScope}, responseContentType}. vcd-ext-sdk's "API extensibility": for an
// external endpoint the scope is EXT_API, EXT_UI_PROVIDER or EXT_UI_TENANT, the pattern is a regular
// expression of at most 1024 characters that must end with `.*`, and responseContentType is only for
// external services (MQTT), which the sandbox does not have. System administrators only.
import { randomUUID } from 'node:crypto';
import { AuthedContext, Reply } from '../core/context.js';
import { badRequest, forbidden } from '../core/errors.js';
import { requireSystemAdministrator } from '../entities/entity-types.js';
import { ApiFilterRecord, JsonObject, UrlScope, VcdState, isJsonObject } from '../core/model.js';
import { paginate } from '../core/paging.js';

const FIELDS = ['id', 'externalSystem', 'urlMatcher'] as const;
const SCOPES: readonly UrlScope[] = ['EXT_API', 'EXT_UI_PROVIDER', 'EXT_UI_TENANT'];
const MAX_PATTERN_LENGTH = 1024;

export function listApiFilters(ctx: AuthedContext): Reply {
  requireSystemAdministrator(ctx.principal, 'apiFilters');
  const state = ctx.state.get();
  const page = paginate(
    state.apiFilters.map((filter) => filterJson(state, filter)),
    ctx.url,
    FIELDS,
  );
  return { status: 200, body: page.body, headers: page.headers };
}

export function getApiFilter(ctx: AuthedContext): Reply {
  requireSystemAdministrator(ctx.principal, 'apiFilters');
  const state = ctx.state.get();
  return { status: 200, body: filterJson(state, findFilter(ctx, state)) };
}

export async function createApiFilter(ctx: AuthedContext): Promise<Reply> {
  requireSystemAdministrator(ctx.principal, 'apiFilters');
  const body = await ctx.readJson();
  const created = await ctx.state.update((draft) => {
    const record: ApiFilterRecord = { id: `urn:vcloud:apiFilter:${randomUUID()}`, ...parseFilter(draft, body) };
    draft.apiFilters.push(record);
    return record;
  });
  return { status: 200, body: filterJson(ctx.state.get(), created) };
}

export async function updateApiFilter(ctx: AuthedContext): Promise<Reply> {
  requireSystemAdministrator(ctx.principal, 'apiFilters');
  const body = await ctx.readJson();
  const updated = await ctx.state.update((draft) => {
    const filter = findFilter(ctx, draft);
    Object.assign(filter, parseFilter(draft, body));
    return { ...filter };
  });
  return { status: 200, body: filterJson(ctx.state.get(), updated) };
}

export async function deleteApiFilter(ctx: AuthedContext): Promise<Reply> {
  requireSystemAdministrator(ctx.principal, 'apiFilters');
  await ctx.state.update((draft) => {
    const filter = findFilter(ctx, draft);
    draft.apiFilters = draft.apiFilters.filter((candidate) => candidate.id !== filter.id);
  });
  return { status: 204 };
}

/**
 * Compiles a filter's pattern the way the proxy uses it: anchored, split into the literal part
 * before the final `.*` (removed from the forwarded path) and the rest.
 */
const compiled = new Map<string, RegExp>();

/** Compiled once per pattern: every /ext-api request is matched against every filter. */
export function compilePattern(urlPattern: string): RegExp {
  let pattern = compiled.get(urlPattern);
  if (!pattern) {
    pattern = new RegExp(`^(?:${urlPattern.slice(0, -2)})(?<rest>.*)$`);
    if (compiled.size >= 1_000) compiled.clear();
    compiled.set(urlPattern, pattern);
  }
  return pattern;
}

function findFilter(ctx: AuthedContext, state: VcdState): ApiFilterRecord {
  const [id = ''] = ctx.params;
  const filter = state.apiFilters.find((candidate) => candidate.id === id);
  if (!filter) throw forbidden(id);
  return filter;
}

function parseFilter(state: VcdState, body: unknown): Omit<ApiFilterRecord, 'id'> {
  if (!isJsonObject(body)) throw badRequest('The request body must be an ApiFilter JSON object.');
  const { externalSystem, urlMatcher, responseContentType } = body;
  if (!isJsonObject(externalSystem) || typeof externalSystem['id'] !== 'string') throw badRequest('externalSystem {id, name} is required.');
  const systemId = externalSystem['id'];
  if (!state.externalEndpoints.some((endpoint) => endpoint.id === systemId)) {
    throw badRequest(`externalSystem ${systemId} is not a known external endpoint.`);
  }
  if (responseContentType !== undefined && responseContentType !== null) {
    throw badRequest('responseContentType applies to external services only; an external endpoint needs a urlMatcher.');
  }
  if (!isJsonObject(urlMatcher)) throw badRequest('urlMatcher {urlPattern, urlScope} is required.');
  const { urlPattern, urlScope } = urlMatcher;
  const scope = SCOPES.find((candidate) => candidate === urlScope);
  if (!scope) throw badRequest(`urlMatcher.urlScope must be one of ${SCOPES.join(', ')} for an external endpoint.`);
  if (typeof urlPattern !== 'string' || urlPattern.length === 0 || urlPattern.length > MAX_PATTERN_LENGTH) {
    throw badRequest(`urlMatcher.urlPattern is required (at most ${MAX_PATTERN_LENGTH} characters).`);
  }
  if (!urlPattern.endsWith('.*')) throw badRequest('urlMatcher.urlPattern must end with ".*".');
  try {
    compilePattern(urlPattern);
  } catch (error) {
    throw badRequest(`urlMatcher.urlPattern is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { externalSystemId: systemId, urlPattern, urlScope: scope };
}

function filterJson(state: VcdState, filter: ApiFilterRecord): JsonObject {
  const endpoint = state.externalEndpoints.find((candidate) => candidate.id === filter.externalSystemId);
  return {
    id: filter.id,
    externalSystem: { name: endpoint?.name ?? '', id: filter.externalSystemId },
    urlMatcher: { urlPattern: filter.urlPattern, urlScope: filter.urlScope },
    responseContentType: null,
  };
}
