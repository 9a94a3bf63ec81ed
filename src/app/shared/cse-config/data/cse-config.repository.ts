/* Finds, reads and safely writes CSE's `vcdKeConfig` entity through the cloudapi. */
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, of, switchMap, throwError } from 'rxjs';
import { CloudApiClient, DefinedEntity, VcdError, isVcdError } from '../../../vcd';
import { ConfigChange, FieldChange, diffJson, withCertificateAuthorities, withContainerRegistryUrl } from '../domain/safe-write';
import {
  CseConfigLookup,
  JsonObject,
  RegistrySettings,
  VCDKE_CONFIG_NAME,
  VCDKE_CONFIG_TYPE,
  lookupFromEntities,
  readRegistrySettings,
} from '../domain/vcdke-config';

/** The entity as read, with the ETag any write of it must send back. */
export interface CseConfigDocument {
  readonly entity: DefinedEntity<JsonObject>;
  readonly etag: string;
  readonly settings: RegistrySettings;
}

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly document: CseConfigDocument }
  /** VCD refused the write (412): someone changed the entity since `base` was read. */
  | { readonly kind: 'conflict'; readonly latest: CseConfigDocument; readonly theirChanges: readonly FieldChange[] };

function isStaleWrite(error: unknown): error is VcdError {
  return isVcdError(error) && error.kind === 'conflict';
}

@Injectable()
export class CseConfigRepository {
  private readonly cloudApi = inject(CloudApiClient);

  /** CSE expects exactly one entity with this name; any other count is reported, not guessed. */
  lookup(): Observable<CseConfigLookup> {
    return this.cloudApi
      .listAllEntitiesByType<JsonObject>(VCDKE_CONFIG_TYPE, { filter: `name==${VCDKE_CONFIG_NAME}` })
      .pipe(map((entities) => lookupFromEntities(entities)));
  }

  read(entityId: string): Observable<CseConfigDocument> {
    return this.cloudApi
      .getEntity<JsonObject>(entityId)
      .pipe(map(({ value, etag }) => ({ entity: value, etag, settings: readRegistrySettings(value.entity) })));
  }

  /**
   * Writes `url` into the copy the user started from, guarded by its ETag. When VCD answers 412,
   * reads the current entity and reports what the other writer changed; it never retries blindly.
   */
  saveRegistryUrl(base: CseConfigDocument, url: string): Observable<SaveOutcome> {
    return this.save(base, (config) => withContainerRegistryUrl(config, url));
  }

  /** Writes the two CA lists the same way: one guarded PUT, a diff on conflict. */
  saveCertificateAuthorities(
    base: CseConfigDocument,
    lists: { readonly bootstrap: readonly string[]; readonly nodes: readonly string[] },
  ): Observable<SaveOutcome> {
    return this.save(base, (config) => withCertificateAuthorities(config, lists));
  }

  save(base: CseConfigDocument, change: ConfigChange): Observable<SaveOutcome> {
    const entity: DefinedEntity<JsonObject> = { ...base.entity, entity: change(base.entity.entity) };
    return this.cloudApi.putEntity(entity, base.etag).pipe(
      map(
        ({ value, etag }): SaveOutcome => ({
          kind: 'saved',
          document: { entity: value, etag, settings: readRegistrySettings(value.entity) },
        }),
      ),
      catchError((error: unknown) =>
        isStaleWrite(error)
          ? this.read(base.entity.id).pipe(
              map(
                (latest): SaveOutcome => ({ kind: 'conflict', latest, theirChanges: diffJson(base.entity.entity, latest.entity.entity) }),
              ),
            )
          : throwError(() => error),
      ),
    );
  }

  /** Looks the entity up and reads it in one go; errors when there is not exactly one. */
  lookupAndRead(): Observable<{ readonly lookup: CseConfigLookup; readonly document?: CseConfigDocument }> {
    return this.lookup().pipe(
      switchMap((lookup) =>
        lookup.kind === 'found' ? this.read(lookup.entityId).pipe(map((document) => ({ lookup, document }))) : of({ lookup }),
      ),
    );
  }
}
