// GET rights and rights/{id}: VCD's Right model (cloudapi 1.0.0 `Right`: name, id, description,
// bundleKey, category, serviceNamespace, rightType VIEW|MODIFY, impliedRights, isPublishable).
// A provider sees every right; a tenant only the rights of the bundles published to his org
// (assumed from the rights-bundle model: a tenant cannot see or use what is not published to it).
import { AuthedContext, Reply } from '../core/context.js';
import { publishedRightNames } from './effective-rights.js';
import { badRequest, forbidden } from '../core/errors.js';
import { JsonObject, RightRecord, TYPE_RIGHT_SUFFIXES, VcdState, isJsonObject } from '../core/model.js';
import { paginate } from '../core/paging.js';

const RIGHT_FIELDS = ['id', 'name', 'description', 'bundleKey', 'category', 'serviceNamespace', 'rightType'] as const;

export function listRights(ctx: AuthedContext): Reply {
  const state = ctx.state.get();
  const page = paginate(visibleRights(ctx, state).map(rightJson), ctx.url, RIGHT_FIELDS);
  return { status: 200, body: page.body, headers: page.headers };
}

export function getRight(ctx: AuthedContext): Reply {
  const [id = ''] = ctx.params;
  const right = visibleRights(ctx, ctx.state.get()).find((candidate) => candidate.id === id);
  if (!right) throw forbidden(id, 'Right: View');
  return { status: 200, body: rightJson(right) };
}

function visibleRights(ctx: AuthedContext, state: VcdState): RightRecord[] {
  if (ctx.principal.isProvider) return state.rights;
  const published = publishedRightNames(state, ctx.principal.org.id);
  return state.rights.filter((right) => published.has(right.name));
}

/**
 * The documented fields, filled as the sandbox can: `rightType` VIEW for a right whose name ends
 * in "View", else MODIFY; bundleKey, category and serviceNamespace are derived from the name
 * (assumed values: real VCD's are opaque keys); implied rights are not modelled (empty).
 */
export function rightJson(right: RightRecord): JsonObject {
  const [prefix = ''] = right.name.split(': ');
  const isTypeRight = TYPE_RIGHT_SUFFIXES.some((suffix) => right.name === `${prefix}: ${suffix}`) && prefix.includes(':');
  const slug = prefix.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
  return {
    name: right.name,
    id: right.id,
    description: right.name,
    bundleKey: `RIGHT_${right.name.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}`,
    category: `urn:vcloud:rightsCategory:${slug.toLowerCase()}`,
    serviceNamespace: isTypeRight ? prefix : 'com.vmware.vcloud',
    rightType: /View$/.test(right.name) ? 'VIEW' : 'MODIFY',
    impliedRights: [],
    isPublishable: true,
  };
}

/**
 * EntityReferences `{values: [{name, id}]}` naming rights → their names. A reference is matched by
 * id, or by name when it has no id (go-vcloud-director sends both); an unknown right is a 400.
 */
export function rightNamesFrom(state: VcdState, body: unknown): string[] {
  const values = isJsonObject(body) ? body['values'] : undefined;
  if (!Array.isArray(values)) throw badRequest('The request body must be EntityReferences: {"values": [{"name", "id"}]}.');
  return values.map((value) => {
    const reference: JsonObject = isJsonObject(value) ? value : {};
    const { id, name } = reference;
    if (typeof id !== 'string' && typeof name !== 'string') throw badRequest('Each right needs an id (or a name).');
    const right = state.rights.find((candidate) => (typeof id === 'string' && id !== '' ? candidate.id === id : candidate.name === name));
    if (!right) throw badRequest(`Unknown right: ${typeof id === 'string' && id !== '' ? id : String(name)}.`);
    return right.name;
  });
}
