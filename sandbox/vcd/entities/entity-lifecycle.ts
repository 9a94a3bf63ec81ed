// The life of a defined entity, as VCD runs it (VCD API reference and go-vcloud-director's
// CreateRde/Resolve/Delete with Test_RdeAndRdeType):
// - POST entityTypes/{typeId} → 202, no body, `Location: …/api/task/<uuid>`; the entity exists at
//   once in PRE_CREATED and its task stays running at 1 % until the entity is resolved
//   (`?resolveEntity=true` resolves it in the same call);
// - POST entities/{id}/resolve → 200 EntityState {id, entity, state, entityState, message} + ETag:
//   RESOLVED when the content matches the type's schema, else RESOLUTION_ERROR with the reason;
// - DELETE entities/{id} → 204; a PRE_CREATED entity cannot be deleted (400 RDE_ENTITY_NOT_RESOLVED).
import { randomUUID } from 'node:crypto';
import { Level, hasTypeRight } from './access.js';
import { AuthedContext, Reply } from '../core/context.js';
import { visibleEntity } from './entities.js';
import { VcdError, badRequest, forbidden } from '../core/errors.js';
import { newEtag } from './etag.js';
import { EntityRecord, JsonObject, VcdState, isJsonObject } from '../core/model.js';
import type { EntitySchemas } from './schemas.js';
import { finishTask, startTask, taskHref } from './tasks.js';

export class EntityLifecycle {
  constructor(private readonly schemas: EntitySchemas) {}

  async create(ctx: AuthedContext): Promise<Reply> {
    const [typeId = ''] = ctx.params;
    const body = await ctx.readJson();
    const resolveNow = ctx.url.searchParams.get('resolveEntity') === 'true';
    const { principal } = ctx;
    const taskId = await ctx.state.update((draft) => {
      const type = draft.entityTypes.find((candidate) => candidate.id === typeId);
      if (!type) throw forbidden(typeId);
      // Creating takes the right to write entities of the type ("Modify" or above).
      const mayCreate = (['Modify', 'Full Access', 'Administrator Full access'] as const).some((right) =>
        hasTypeRight(principal, type.id, right),
      );
      if (!mayCreate) throw forbidden(type.id, `${type.vendor}:${type.nss}: Modify`);
      const input = parseNewEntity(body, type.id);
      const entity: EntityRecord = {
        id: `urn:vcloud:entity:${type.vendor}:${type.nss}:${randomUUID()}`,
        entityType: type.id,
        name: input.name,
        externalId: input.externalId,
        entity: input.entity,
        state: 'PRE_CREATED',
        ownerId: principal.user.id,
        orgId: principal.operatingOrg.id,
        etag: newEtag(),
      };
      const task = startTask(draft, {
        operationName: 'createDefinedEntity',
        operation: `Creating defined entity ${entity.name} (${entity.id})`,
        owner: { id: entity.id, name: entity.name, type: 'application/json' },
        userId: principal.user.id,
        orgId: principal.operatingOrg.id,
      });
      entity.creationTaskId = task.id;
      draft.entities.push(entity);
      if (resolveNow) this.resolveInPlace(draft, entity);
      return task.id;
    });
    return { status: 202, headers: { Location: taskHref(ctx.origin, taskId) } };
  }

  async resolve(ctx: AuthedContext): Promise<Reply> {
    const result = await ctx.state.update((draft) => {
      const entity = visibleEntity(ctx, draft, Level.ReadWrite);
      const message = this.resolveInPlace(draft, entity);
      const entityState: JsonObject = { id: entity.id, entity: entity.entity, state: entity.state, entityState: entity.state, message };
      return { body: entityState, etag: entity.etag };
    });
    return { status: 200, body: result.body, headers: { ETag: result.etag } };
  }

  async delete(ctx: AuthedContext): Promise<Reply> {
    await ctx.state.update((draft) => {
      const entity = visibleEntity(ctx, draft, Level.FullControl);
      if (entity.state === 'PRE_CREATED') {
        throw new VcdError(400, `RDE_ENTITY_NOT_RESOLVED: the entity ${entity.id} must be resolved before it can be deleted.`);
      }
      draft.entities = draft.entities.filter((candidate) => candidate.id !== entity.id);
      draft.accessControls = draft.accessControls.filter((acl) => acl.objectId !== entity.id);
    });
    return { status: 204 };
  }

  /** Validates, sets the state and a new ETag, ends the creation task; returns the message VCD reports. */
  private resolveInPlace(draft: VcdState, entity: EntityRecord): string | null {
    const type = draft.entityTypes.find((candidate) => candidate.id === entity.entityType);
    const violation = type ? this.schemas.validate(type, entity.entity) : `the entity type ${entity.entityType} no longer exists`;
    entity.state = violation ? 'RESOLUTION_ERROR' : 'RESOLVED';
    entity.etag = newEtag();
    const message = violation ? `RDE_VALIDATION_ERROR: ${violation}` : null;
    // Assumed: the creation task ends with the first resolution, in error when it failed.
    finishTask(draft, entity.creationTaskId, violation ? 'error' : 'success', message ? { minorErrorCode: 'BAD_REQUEST', message } : null);
    return message;
  }
}

function parseNewEntity(body: unknown, typeId: string): { name: string; externalId: string | null; entity: JsonObject } {
  if (!isJsonObject(body)) throw badRequest('The request body must be a DefinedEntity JSON object.');
  const { name, entity, externalId, entityType } = body;
  if (entityType !== undefined && entityType !== null && entityType !== typeId) {
    throw badRequest(`entityType ${String(entityType)} does not match the type in the URL (${typeId}).`);
  }
  if (typeof name !== 'string' || name.trim() === '') throw badRequest('name is required.');
  if (!isJsonObject(entity)) throw badRequest('entity is required and must be a JSON object.');
  if (externalId !== undefined && externalId !== null && typeof externalId !== 'string') throw badRequest('externalId must be a string.');
  return { name, entity, externalId: typeof externalId === 'string' ? externalId : null };
}
