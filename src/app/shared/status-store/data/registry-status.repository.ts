/*
 * Reads and writes the plug-in's registry-status entities, one per name. Writes are
 * read-modify-write with If-Match: when someone else wrote meanwhile, re-read and apply our field
 * again (we own it). Every create is read back by name, and duplicates of a name (a race, or
 * plug-in 0.1.0) are resolved on the next write the same way by every client (see duplicates.ts).
 */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, concat, forkJoin, last, map, of, switchMap, tap, throwError } from 'rxjs';
import { CloudApiClient, DefinedEntity, MAX_PAGE_SIZE, VCD_SESSION, Versioned, isVcdError, toVcdError } from '../../../vcd';
import { byId, resolveDuplicates } from '../domain/duplicates';
import { RegistryStatus, STATUS_SETUP_PLAN, STATUS_TYPE_ID, STATUS_TYPE_REF } from '../domain/registry-status';
import { storableStatus } from '../domain/storable-status';
import { createStatusEntity } from './status-entity-creation';

export type StatusStorage = 'ready' | 'notSetUp';

type Found = { entity: DefinedEntity<RegistryStatus>; etag: string };
/** The ids of the name as last listed by one write (to tell a clean-up by another client from a refusal). */
type Seen = { ids?: readonly string[] };

interface AccessControl {
  readonly memberId?: string;
  readonly accessLevelId?: string;
}

const READ_ONLY = 'urn:vcloud:accessLevel:ReadOnly';
/** Keeps a FIQL OR filter well inside URL length limits (100 names ≈ 4 KB). */
const NAMES_PER_REQUEST = 100;

@Injectable()
export class RegistryStatusRepository {
  private readonly http = inject(HttpClient);
  private readonly cloudApi = inject(CloudApiClient);
  private readonly root = `${inject(VCD_SESSION).apiRootUrl}/cloudapi/1.0.0`;

  /** Whether the entity type exists (for a system administrator; tenants cannot create it). */
  storage(): Observable<StatusStorage> {
    return this.http
      .get<{ values: readonly { id: string }[] }>(`${this.root}/entityTypes`, { params: { filter: `id==${STATUS_TYPE_ID}` } })
      .pipe(
        map((page): StatusStorage => (page.values.some((type) => type.id === STATUS_TYPE_ID) ? 'ready' : 'notSetUp')),
        catchError((error: unknown) => throwError(() => toVcdError(error))),
      );
  }

  /** Creates the interface and the entity type (idempotent: an existing one is kept). */
  setUp(): Observable<void> {
    const createInterface = this.http
      .post(`${this.root}/interfaces`, STATUS_SETUP_PLAN.interface)
      .pipe(catchError((error: unknown) => this.unlessExists(error)));
    const createType = this.http
      .post(`${this.root}/entityTypes`, STATUS_SETUP_PLAN.entityType)
      .pipe(catchError((error: unknown) => this.unlessExists(error)));
    return createInterface.pipe(
      switchMap(() => createType),
      map(() => undefined),
      catchError((error: unknown) => throwError(() => toVcdError(error))),
    );
  }

  /**
   * The entity with this name, if any, with its ETag. Duplicates are read as one: the keeper (and
   * its ETag) holding the newest result of each part; the next write makes that true in VCD.
   */
  find(name: string): Observable<Found | undefined> {
    return this.named(name).pipe(
      switchMap((entities) => {
        if (entities.length === 0) return of(undefined);
        return forkJoin(entities.map((entity) => this.read(entity.id))).pipe(map((read) => this.asOne(read)));
      }),
    );
  }

  /** The entities with these names that the caller may see (one request per 100 names), without ETags. */
  list(names: readonly string[]): Observable<DefinedEntity<RegistryStatus>[]> {
    const chunks: string[][] = [];
    for (let start = 0; start < names.length; start += NAMES_PER_REQUEST) chunks.push(names.slice(start, start + NAMES_PER_REQUEST));
    if (chunks.length === 0) return of([]);
    return forkJoin(
      chunks.map((chunk) =>
        this.cloudApi.listAllEntitiesByType<RegistryStatus>(STATUS_TYPE_REF, { filter: chunk.map((name) => `name==${name}`).join(',') }),
      ),
    ).pipe(map((lists) => oneByName(lists.flat())));
  }

  /** Applies `change` to the named entity (creating it first if needed) and stores it. */
  update(
    name: string,
    initial: RegistryStatus,
    change: (current: RegistryStatus) => RegistryStatus,
    attempts = 3,
  ): Observable<RegistryStatus> {
    return this.write(name, initial, change, attempts).pipe(map((entity) => entity.entity));
  }

  /**
   * As `update`, answering the stored entity (its id is what sharing needs). `attempts` bounds the
   * re-reads after a 412; `cleanUps` those after another client merged away what we had read.
   */
  write(
    name: string,
    initial: RegistryStatus,
    change: (current: RegistryStatus) => RegistryStatus,
    attempts = 3,
    cleanUps = 3,
  ): Observable<DefinedEntity<RegistryStatus>> {
    const seen: Seen = {};
    return this.single(name, initial, seen).pipe(
      switchMap(({ entity, etag }) => this.cloudApi.putEntity({ ...entity, entity: storableStatus(change(entity.entity)) }, etag)),
      map(({ value }) => value),
      catchError((error: unknown) =>
        this.retryReason(error, name, seen).pipe(
          switchMap((reason) => {
            if (reason === 'conflict' && attempts > 1) return this.write(name, initial, change, attempts - 1, cleanUps);
            if (reason === 'cleanedUp' && cleanUps > 1) return this.write(name, initial, change, attempts, cleanUps - 1);
            return throwError(() => error);
          }),
        ),
      ),
    );
  }

  /** Deletes every entity of this name; VCD removes their access controls with them. None left: done. */
  remove(name: string): Observable<void> {
    return this.named(name).pipe(
      switchMap((entities) =>
        entities.length === 0
          ? of(undefined)
          : this.deleteAll(
              name,
              entities.map((entity) => entity.id),
            ),
      ),
      catchError((error: unknown) => throwError(() => toVcdError(error))),
    );
  }

  /** Shares the entity read-only with a member (an organization): once, whatever was there before. */
  shareReadOnly(entityId: string, memberId: string): Observable<void> {
    return this.http
      .get<{ values: readonly AccessControl[] }>(`${this.root}/entities/${entityId}/accessControls`, {
        params: { page: 1, pageSize: MAX_PAGE_SIZE },
      })
      .pipe(
        switchMap((page) =>
          page.values.some((acl) => acl.memberId === memberId && acl.accessLevelId === READ_ONLY)
            ? of(null)
            : this.http.post(`${this.root}/entities/${entityId}/accessControls`, {
                grantType: 'MembershipAccessControlGrant',
                accessLevelId: READ_ONLY,
                memberId,
              }),
        ),
        map(() => undefined),
        catchError((error: unknown) => throwError(() => toVcdError(error))),
      );
  }

  /** The one entity of this name, created (and read back) when there is none, duplicates resolved. */
  private single(name: string, initial: RegistryStatus, seen: Seen): Observable<Found> {
    return this.named(name).pipe(
      tap((entities) => (seen.ids = ids(entities))),
      switchMap((entities) => {
        if (entities.length > 0) return this.settle(name, entities);
        return createStatusEntity(this.http, this.root, name, storableStatus(initial)).pipe(
          catchError((error: unknown) => throwError(() => toVcdError(error))),
          // Read back by name: another client may have created one at the same time.
          switchMap((id) =>
            this.named(name).pipe(map((listed) => (listed.some((entity) => entity.id === id) ? listed : [...listed, { id }]))),
          ),
          tap((entities) => (seen.ids = ids(entities))),
          switchMap((entities) => this.settle(name, entities)),
        );
      }),
    );
  }

  /** One entity: read it; several: keep the lowest id, carry the newest results into it (If-Match), delete the others. */
  private settle(name: string, entities: readonly { readonly id: string }[]): Observable<Found> {
    if (entities.length === 1) return this.read(entities[0]!.id).pipe(map(found));
    return forkJoin(entities.map((entity) => this.read(entity.id))).pipe(
      switchMap((read) => {
        const resolution = resolveDuplicates(read.map(({ value }) => ({ id: value.id, entity: value.entity })));
        const keeper = read.find(({ value }) => value.id === resolution.keeperId)!;
        return this.cloudApi
          .putEntity({ ...keeper.value, entity: storableStatus(resolution.merged) }, keeper.etag)
          .pipe(switchMap((kept) => this.deleteAll(name, resolution.others).pipe(map(() => found(kept)))));
      }),
    );
  }

  /** Deletes one after the other; one another client's clean-up deleted already counts as done. */
  private deleteAll(name: string, doomed: readonly string[]): Observable<void> {
    const deletions = doomed.map((id) =>
      this.http.delete(`${this.root}/entities/${id}`).pipe(
        catchError((error: unknown) => {
          const vcd = toVcdError(error);
          // VCD answers 403 (or 404) for an entity that no longer exists: gone from the list means deleted.
          if (vcd.kind !== 'forbidden' && vcd.kind !== 'not-found') return throwError(() => vcd);
          return this.named(name).pipe(switchMap((left) => (left.some((entity) => entity.id === id) ? throwError(() => vcd) : of(null))));
        }),
      ),
    );
    return concat(...deletions, of(null)).pipe(
      last(),
      map(() => undefined),
    );
  }

  /** 'conflict': a 412; 'cleanedUp': an entity we read is gone because another client resolved the duplicates. */
  private retryReason(error: unknown, name: string, seen: Seen): Observable<'conflict' | 'cleanedUp' | undefined> {
    if (!isVcdError(error)) return of(undefined);
    if (error.kind === 'conflict') return of('conflict');
    if ((error.kind !== 'forbidden' && error.kind !== 'not-found') || !seen.ids) return of(undefined);
    const before = seen.ids;
    return this.named(name).pipe(
      map((entities) => (ids(entities).join() !== before.join() ? 'cleanedUp' : undefined)),
      catchError(() => of(undefined)),
    );
  }

  /** The entities of this name the caller may see, lowest id first. */
  private named(name: string): Observable<DefinedEntity<RegistryStatus>[]> {
    return this.cloudApi
      .listAllEntitiesByType<RegistryStatus>(STATUS_TYPE_REF, { filter: `name==${name}` })
      .pipe(map((entities) => [...entities].sort(byId)));
  }

  private read(id: string): Observable<Versioned<DefinedEntity<RegistryStatus>>> {
    return this.cloudApi.getEntity<RegistryStatus>(id);
  }

  private asOne(read: readonly Versioned<DefinedEntity<RegistryStatus>>[]): Found {
    if (read.length === 1) return found(read[0]!);
    const resolution = resolveDuplicates(read.map(({ value }) => ({ id: value.id, entity: value.entity })));
    const keeper = read.find(({ value }) => value.id === resolution.keeperId)!;
    return { entity: { ...keeper.value, entity: resolution.merged }, etag: keeper.etag };
  }

  private unlessExists(error: unknown): Observable<null> {
    const vcd = toVcdError(error);
    // VCD answers 400 (DUPLICATE_NAME) or 409 when the interface or type already exists.
    return vcd.kind === 'invalid' && /exist|duplicate/i.test(vcd.detail ?? '') ? of(null) : throwError(() => error);
  }
}

function ids(entities: readonly { readonly id: string }[]): string[] {
  return entities.map((entity) => entity.id).sort();
}

function found({ value, etag }: Versioned<DefinedEntity<RegistryStatus>>): Found {
  return { entity: value, etag };
}

/** One entity per name, duplicates read as their resolution (the list carries their content). */
function oneByName(entities: readonly DefinedEntity<RegistryStatus>[]): DefinedEntity<RegistryStatus>[] {
  const byName = new Map<string, DefinedEntity<RegistryStatus>[]>();
  for (const entity of entities) byName.set(entity.name, [...(byName.get(entity.name) ?? []), entity]);
  return [...byName.values()].map((group) => {
    if (group.length === 1) return group[0]!;
    const resolution = resolveDuplicates(group);
    return { ...group.find((entity) => entity.id === resolution.keeperId)!, entity: resolution.merged };
  });
}
