// entities/{id}/accessControls: the ACLs that share a defined entity with users or whole orgs.
// Managing them takes FullControl on the entity (assumed: VCD ties sharing to Full Control).
import { randomUUID } from 'node:crypto';
import { Level } from './access.js';
import { AuthedContext, Reply, orgById, ref } from '../core/context.js';
import { badRequest, forbidden } from '../core/errors.js';
import { visibleEntity } from './entities.js';
import { ACCESS_LEVELS, AccessControlRecord, AccessLevelId, EntityRecord, JsonObject, VcdState, isJsonObject } from '../core/model.js';
import { paginate } from '../core/paging.js';

const ACL_FIELDS = ['id', 'grantType', 'objectId', 'accessLevelId', 'memberId', 'tenant'] as const;

export function listAccessControls(ctx: AuthedContext): Reply {
  const state = ctx.state.get();
  const entity = visibleEntity(ctx, state, Level.FullControl);
  const values = state.accessControls.filter((acl) => acl.objectId === entity.id).map((acl) => aclJson(state, acl));
  const page = paginate(values, ctx.url, ACL_FIELDS);
  return { status: 200, body: page.body, headers: page.headers };
}

export function getAccessControl(ctx: AuthedContext): Reply {
  const state = ctx.state.get();
  return { status: 200, body: aclJson(state, findAcl(ctx, state)) };
}

/** POST: one grant per member; granting a member again changes its level (assumed, not verified). */
export async function createAccessControl(ctx: AuthedContext): Promise<Reply> {
  const body = await ctx.readJson();
  const saved = await ctx.state.update((draft): AccessControlRecord => {
    const entity = visibleEntity(ctx, draft, Level.FullControl);
    const grant = parseGrant(draft, entity, body);
    const existing = draft.accessControls.find((acl) => acl.objectId === entity.id && acl.memberId === grant.memberId);
    if (existing) {
      existing.accessLevelId = grant.accessLevelId;
      return { ...existing };
    }
    const record: AccessControlRecord = {
      id: `urn:vcloud:accessControl:${randomUUID()}`,
      objectId: entity.id,
      grantType: 'MembershipAccessControlGrant',
      accessLevelId: grant.accessLevelId,
      memberId: grant.memberId,
      tenantOrgId: entity.orgId,
    };
    draft.accessControls.push(record);
    return record;
  });
  return { status: 201, body: aclJson(ctx.state.get(), saved) };
}

export async function deleteAccessControl(ctx: AuthedContext): Promise<Reply> {
  await ctx.state.update((draft) => {
    const acl = findAcl(ctx, draft);
    draft.accessControls = draft.accessControls.filter((candidate) => candidate.id !== acl.id);
  });
  return { status: 204 };
}

function findAcl(ctx: AuthedContext, state: VcdState): AccessControlRecord {
  const entity = visibleEntity(ctx, state, Level.FullControl);
  const [, aclId = ''] = ctx.params;
  const acl = state.accessControls.find((candidate) => candidate.id === aclId && candidate.objectId === entity.id);
  if (!acl) throw forbidden(aclId);
  return acl;
}

function parseGrant(state: VcdState, entity: EntityRecord, body: unknown): { memberId: string; accessLevelId: AccessLevelId } {
  if (!isJsonObject(body)) throw badRequest('The request body must be an AccessControlGrant JSON object.');
  const { grantType, accessLevelId, memberId } = body;
  if (grantType !== 'MembershipAccessControlGrant') {
    throw badRequest(
      `grantType must be MembershipAccessControlGrant (the sandbox has no RightAccessControlGrant), got ${String(grantType)}.`,
    );
  }
  const level = ACCESS_LEVELS.find((candidate) => candidate === accessLevelId);
  if (!level) throw badRequest(`accessLevelId must be one of ${ACCESS_LEVELS.join(', ')}.`);
  if (typeof memberId !== 'string') throw badRequest('memberId is required.');
  const memberOrgId = state.users.find((user) => user.id === memberId)?.orgId ?? orgById(state, memberId)?.id;
  if (!memberOrgId) throw badRequest(`memberId ${memberId} is neither a user nor an organization.`);
  // Only System entities may be shared across orgs; a tenant's entity stays in its tenant.
  if (entity.orgId !== state.systemOrgId && memberOrgId !== entity.orgId) {
    throw badRequest(`${entity.id} belongs to another organization than ${memberId} and cannot be shared with it.`);
  }
  return { memberId, accessLevelId: level };
}

function aclJson(state: VcdState, acl: AccessControlRecord): JsonObject {
  const tenant = orgById(state, acl.tenantOrgId);
  return {
    id: acl.id,
    tenant: tenant ? ref(tenant) : null,
    grantType: acl.grantType,
    objectId: acl.objectId,
    accessLevelId: acl.accessLevelId,
    memberId: acl.memberId,
  };
}
