// Defined interfaces and defined entity types: list, read, and create (System administrators
// only, as VCD refuses a tenant with ACCESS_TO_RESOURCE_IS_FORBIDDEN, go-vcloud-director's
// Test_RdeAndRdeType). Creating a type creates its five rights (`<vendor>:<nss>: View`, …) and,
// since the System Administrator role holds every right of the system, adds them to that role.
import { randomUUID } from 'node:crypto';
import { AuthedContext, Principal, Reply } from '../core/context.js';
import { badRequest, forbidden } from '../core/errors.js';
import {
  DefinedInterfaceRecord,
  EntityTypeRecord,
  JsonObject,
  SYSTEM_ADMINISTRATOR_ROLE,
  VcdState,
  isJsonObject,
  typeRightNames,
} from '../core/model.js';
import { paginate } from '../core/paging.js';
import type { EntitySchemas } from './schemas.js';

const TYPE_FIELDS = ['id', 'name', 'nss', 'vendor', 'version', 'description'] as const;
const INTERFACE_FIELDS = ['id', 'name', 'nss', 'vendor', 'version', 'readonly'] as const;
/** "The version should follow semantic versioning rules. Versions with pre-release extension are not allowed." */
const SEMVER = /^\d+\.\d+\.\d+$/;
/** Assumed: letters, digits, '-' and '_' (go-vcloud-director's tests avoid '.' in names: VCD rejects it). */
const IDENTIFIER = /^[A-Za-z0-9_-]+$/;

export class EntityTypes {
  constructor(private readonly schemas: EntitySchemas) {}

  /** Types are readable by every authenticated user, as tenants need them to read their entities. */
  listTypes(ctx: AuthedContext): Reply {
    const values = ctx.state.get().entityTypes.map((type) => this.typeJson(type));
    const page = paginate(values, ctx.url, TYPE_FIELDS);
    return { status: 200, body: page.body, headers: page.headers };
  }

  getType(ctx: AuthedContext): Reply {
    const [id = ''] = ctx.params;
    const type = ctx.state.get().entityTypes.find((candidate) => candidate.id === id);
    if (!type) throw forbidden(id);
    return { status: 200, body: this.typeJson(type) };
  }

  /** POST entityTypes: 201 and the DefinedEntityType (VCD API reference, "Create Defined Entity Type"). */
  async createType(ctx: AuthedContext): Promise<Reply> {
    requireSystemAdministrator(ctx.principal, 'entityTypes');
    const body = await ctx.readJson();
    if (!isJsonObject(body)) throw badRequest('The request body must be a DefinedEntityType JSON object.');
    const { vendor, nss, version } = identity(body);
    const { name, description, schema, interfaces, externalId } = body;
    if (typeof name !== 'string' || name.trim() === '') throw badRequest('name is required.');
    if (!isJsonObject(schema)) throw badRequest('schema is required and must be a JSON schema object.');
    const unusable = this.schemas.whyUnusable(schema);
    if (unusable) throw badRequest(`RDE_INVALID_TYPE_SCHEMA: the schema is not a valid JSON schema: ${unusable}`);
    const interfaceIds = stringList(interfaces, 'interfaces');
    const record: EntityTypeRecord = {
      id: `urn:vcloud:type:${vendor}:${nss}:${version}`,
      vendor,
      nss,
      version,
      name,
      description: typeof description === 'string' ? description : '',
      interfaces: interfaceIds,
      schema,
    };
    await ctx.state.update((draft) => {
      if (draft.entityTypes.some((type) => type.id === record.id)) {
        throw badRequest(`An entity type with id ${record.id} already exists.`);
      }
      const unknown = interfaceIds.filter((id) => !draft.interfaces.some((candidate) => candidate.id === id));
      if (unknown.length > 0) throw badRequest(`Unknown interface(s): ${unknown.join(', ')}.`);
      draft.entityTypes.push(record);
      grantTypeRightsToSystemAdministrators(draft, vendor, nss);
    });
    const created = this.typeJson(record);
    if (typeof externalId === 'string') created['externalId'] = externalId;
    return { status: 201, body: created };
  }

  listInterfaces(ctx: AuthedContext): Reply {
    const page = paginate(ctx.state.get().interfaces.map(interfaceJson), ctx.url, INTERFACE_FIELDS);
    return { status: 200, body: page.body, headers: page.headers };
  }

  getInterface(ctx: AuthedContext): Reply {
    const [id = ''] = ctx.params;
    const found = ctx.state.get().interfaces.find((candidate) => candidate.id === id);
    if (!found) throw forbidden(id);
    return { status: 200, body: interfaceJson(found) };
  }

  /** POST interfaces: 201 and the DefinedInterface (VCD API reference, "Create Interface"). */
  async createInterface(ctx: AuthedContext): Promise<Reply> {
    requireSystemAdministrator(ctx.principal, 'interfaces');
    const body = await ctx.readJson();
    if (!isJsonObject(body)) throw badRequest('The request body must be a DefinedInterface JSON object.');
    const { vendor, nss, version } = identity(body);
    const { name, readonly } = body;
    if (typeof name !== 'string' || name.trim() === '') throw badRequest('name is required.');
    const record: DefinedInterfaceRecord = {
      id: `urn:vcloud:interface:${vendor}:${nss}:${version}`,
      name,
      vendor,
      nss,
      version,
      readonly: readonly === true,
    };
    await ctx.state.update((draft) => {
      if (draft.interfaces.some((candidate) => candidate.id === record.id)) {
        throw badRequest(`An interface with id ${record.id} already exists.`);
      }
      draft.interfaces.push(record);
    });
    return { status: 201, body: interfaceJson(record) };
  }

  typeJson(type: EntityTypeRecord): JsonObject {
    return {
      id: type.id,
      name: type.name,
      description: type.description,
      nss: type.nss,
      version: type.version,
      inheritedVersion: null,
      externalId: null,
      schema: this.schemas.schemaOf(type),
      vendor: type.vendor,
      interfaces: type.interfaces,
      hooks: {},
      readonly: false,
      maxImplicitRight: null,
    };
  }
}

/** Assumed: creating types, interfaces and extension objects takes the System Administrator role. */
export function requireSystemAdministrator(principal: Principal, target: string): void {
  if (!principal.isSystemAdministrator) throw forbidden(target, 'System Administrator');
}

function identity(body: JsonObject): { vendor: string; nss: string; version: string } {
  const { vendor, nss, version } = body;
  for (const [field, value] of [
    ['vendor', vendor],
    ['nss', nss],
  ] as const) {
    if (typeof value !== 'string' || !IDENTIFIER.test(value)) {
      throw badRequest(`${field} is required and may only contain letters, digits, '-' and '_'.`);
    }
  }
  if (typeof version !== 'string' || !SEMVER.test(version)) {
    throw badRequest('version is required and must be a semantic version without pre-release extension (e.g. 1.0.0).');
  }
  return { vendor: String(vendor), nss: String(nss), version };
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw badRequest(`${field} must be a list of URNs.`);
  return value.map(String);
}

function grantTypeRightsToSystemAdministrators(draft: VcdState, vendor: string, nss: string): void {
  const names = typeRightNames(vendor, nss);
  for (const name of names) {
    if (!draft.rights.some((right) => right.name === name)) draft.rights.push({ id: `urn:vcloud:right:${randomUUID()}`, name });
  }
  for (const role of draft.roles.filter((candidate) => candidate.name === SYSTEM_ADMINISTRATOR_ROLE)) {
    role.rights = [...new Set([...role.rights, ...names])];
  }
}

function interfaceJson(record: DefinedInterfaceRecord): JsonObject {
  return { name: record.name, id: record.id, version: record.version, vendor: record.vendor, nss: record.nss, readonly: record.readonly };
}
