// Defined entities (RDEs): list, read with ETag, and the whole-entity PUT with If-Match, schema
// validation of RESOLVED entities and VCD's access levels. Creation, resolve and delete live in
// entity-lifecycle.ts; types and interfaces in entity-types.ts.
import { Level, RIGHT_FOR_LEVEL, entityAccess, rightPrefixOf } from './access.js';
import { AuthedContext, Reply, orgById, ref, userById } from '../core/context.js';
import { VcdError, badRequest, forbidden } from '../core/errors.js';
import { ifMatchSatisfied, newEtag } from './etag.js';
import { EntityRecord, JsonObject, VcdState, isJsonObject } from '../core/model.js';
import { paginate } from '../core/paging.js';
import type { EntitySchemas } from './schemas.js';

const ENTITY_FIELDS = ['id', 'name', 'entityType', 'externalId', 'state', 'owner', 'org', 'entity'] as const;

export class Entities {
  constructor(private readonly schemas: EntitySchemas) {}

  /**
   * GET entities/types/{vendor}/{nss}/{version}: only what the caller may see; a version of one or
   * two numbers matches every version it starts (VCD's wildcard). An unknown type
   * is an empty list (assumed: a query with no match), so a client can probe for its own type.
   */
  listOfType(ctx: AuthedContext): Reply {
    const [vendor, nss, version = ''] = ctx.params;
    const typeId = `urn:vcloud:type:${vendor}:${nss}:${version}`;
    // "The version can act as a wildcard": '1' matches every 1.x.y, '1.2' every 1.2.x (VCD OpenAPI).
    const ofType = version.split('.').length < 3 ? (id: string) => id.startsWith(`${typeId}.`) : (id: string) => id === typeId;
    const state = ctx.state.get();
    const values = state.entities
      .filter((entity) => ofType(entity.entityType) && entityAccess(state, ctx.principal, entity) >= Level.ReadOnly)
      .map((entity) => entityJson(state, entity));
    const page = paginate(values, ctx.url, ENTITY_FIELDS);
    return { status: 200, body: page.body, headers: page.headers };
  }

  get(ctx: AuthedContext): Reply {
    const state = ctx.state.get();
    const entity = visibleEntity(ctx, state, Level.ReadOnly);
    return { status: 200, body: entityJson(state, entity), headers: { ETag: entity.etag } };
  }

  async put(ctx: AuthedContext): Promise<Reply> {
    const body = await ctx.readJson();
    const [id = ''] = ctx.params;
    // Check and write inside one update so that two racing PUTs with the same ETag cannot both win.
    const updated = await ctx.state.update((draft) => {
      const entity = visibleEntity(ctx, draft, Level.ReadWrite);
      const ifMatch = ctx.req.headers['if-match'];
      // VCD does not demand If-Match; when it is sent, a stale one is refused.
      if (ifMatch !== undefined && !ifMatchSatisfied(ifMatch, entity.etag)) {
        throw new VcdError(412, `The entity ${id} was modified since it was read (stale If-Match). Read it again and retry.`);
      }
      const change = parseEntityUpdate(body, entity);
      // PRE_CREATED and RESOLUTION_ERROR entities take any content, unvalidated, and keep their
      // state (go-vcloud-director's Test_RdeAndRdeType: an update after RESOLUTION_ERROR stays there).
      if (entity.state === 'RESOLVED') {
        const type = draft.entityTypes.find((candidate) => candidate.id === entity.entityType);
        const violation = type && this.schemas.validate(type, change.entity);
        if (violation)
          throw badRequest(`RDE_VALIDATION_ERROR: entity ${id} does not match the schema of ${entity.entityType}: ${violation}`);
      }
      Object.assign(entity, change, { etag: newEtag() });
      return { body: entityJson(draft, entity), etag: entity.etag };
    });
    return { status: 200, body: updated.body, headers: { ETag: updated.etag } };
  }
}

/** The entity when the caller holds at least `needed`; otherwise VCD's 403 (also for "no such entity"). */
export function visibleEntity(ctx: AuthedContext, state: VcdState, needed: Level): EntityRecord {
  const [id = ''] = ctx.params;
  const entity = state.entities.find((candidate) => candidate.id === id);
  if (!entity) throw forbidden(id);
  const level = entityAccess(state, ctx.principal, entity);
  if (level < needed) throw forbidden(id, `${rightPrefixOf(entity.entityType)}: ${RIGHT_FOR_LEVEL[needed]}`);
  return entity;
}

/** The DefinedEntity model: id, entityType, name, externalId, entity, state, owner, org. */
export function entityJson(state: VcdState, entity: EntityRecord): JsonObject {
  const owner = userById(state, entity.ownerId);
  const org = orgById(state, entity.orgId);
  return {
    id: entity.id,
    entityType: entity.entityType,
    name: entity.name,
    externalId: entity.externalId,
    entity: entity.entity,
    state: entity.state,
    owner: owner ? ref(owner) : null,
    org: org ? ref(org) : null,
  };
}

/** A PUT carries the whole DefinedEntity; id and entityType are read-only, state/owner/org ignored. */
function parseEntityUpdate(body: unknown, current: EntityRecord): Pick<EntityRecord, 'name' | 'externalId' | 'entity'> {
  if (!isJsonObject(body)) throw badRequest('The request body must be a DefinedEntity JSON object.');
  const { id, entityType, name, externalId, entity } = body;
  if (id !== undefined && id !== null && id !== current.id) {
    throw badRequest(`The id in the body (${String(id)}) does not match the id in the URL (${current.id}).`);
  }
  if (entityType !== undefined && entityType !== null && entityType !== current.entityType) {
    throw badRequest(`entityType is read-only: ${String(entityType)} does not match ${current.entityType}.`);
  }
  if (typeof name !== 'string' || name.trim() === '') throw badRequest('name is required.');
  if (!isJsonObject(entity)) throw badRequest('entity is required and must be a JSON object.');
  if (externalId !== undefined && externalId !== null && typeof externalId !== 'string') {
    throw badRequest('externalId must be a string.');
  }
  return { name, externalId: externalId === undefined ? current.externalId : externalId, entity };
}
