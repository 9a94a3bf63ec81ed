// JSON-schema validation of defined entities, as VCD applies it to a RESOLVED entity on write.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { EntityTypeRecord, JsonObject, VCDKECONFIG_TYPE_ID, isJsonObject } from '../core/model.js';

export class EntitySchemas {
  // `strict: false`: the CSE schema uses draft-04 tuple `items: [ … ]`, which ajv's strict mode
  // rejects but VCD accepts. `validateSchema: false`: VCD assumes draft 4 when a schema names none,
  // and a `$schema` ajv does not bundle must not make a type unusable.
  private readonly ajv = new Ajv({ strict: false, validateSchema: false, allErrors: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  private constructor(private readonly vcdKeConfigSchema: JsonObject) {}

  /** Reads the VCDKEConfig 1.1.0 schema from the reference file, the single copy of it. */
  static load(vcdKeConfigSchemaPath: string): EntitySchemas {
    const parsed: unknown = JSON.parse(readFileSync(vcdKeConfigSchemaPath, 'utf8'));
    if (!isJsonObject(parsed)) throw new Error(`${vcdKeConfigSchemaPath} is not a JSON schema object`);
    return new EntitySchemas(parsed);
  }

  schemaOf(type: EntityTypeRecord): JsonObject | null {
    return type.id === VCDKECONFIG_TYPE_ID ? this.vcdKeConfigSchema : type.schema;
  }

  /** Why `schema` cannot serve as a type's schema (VCD refuses such a type with 400), or undefined. */
  whyUnusable(schema: JsonObject): string | undefined {
    try {
      this.ajv.compile(schema);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** The first violation, worded like VCD's validator (`#/path: reason`), or undefined when valid. */
  validate(type: EntityTypeRecord, entity: JsonObject): string | undefined {
    const schema = this.schemaOf(type);
    if (schema === null) return undefined;
    let validator = this.compiled.get(type.id);
    if (!validator) {
      validator = this.ajv.compile(schema);
      this.compiled.set(type.id, validator);
    }
    if (validator(entity)) return undefined;
    const [first] = validator.errors ?? [];
    if (!first) return '#: invalid';
    return `#${first.instancePath}: ${first.message ?? 'invalid'}`;
  }
}
