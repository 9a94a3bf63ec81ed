/*
 * Reads and writes the plug-in's registry-status entities. Writes are read-modify-write with
 * If-Match: when someone else wrote meanwhile, re-read and apply our field again (we own it).
 */
import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, filter, forkJoin, map, of, switchMap, take, throwError, timer } from 'rxjs';
import { CloudApiClient, DefinedEntity, MAX_PAGE_SIZE, VCD_SESSION, VcdError, isVcdError, toVcdError } from '../../../vcd';
import { RegistryStatus, STATUS_SETUP_PLAN, STATUS_TYPE_ID, STATUS_TYPE_REF } from '../domain/registry-status';
import { storableStatus } from '../domain/storable-status';

export type StatusStorage = 'ready' | 'notSetUp';

interface Task {
  readonly status?: string;
  readonly owner?: { readonly id?: string };
  readonly error?: { readonly message?: string };
}

interface AccessControl {
  readonly memberId?: string;
  readonly accessLevelId?: string;
}

const READ_ONLY = 'urn:vcloud:accessLevel:ReadOnly';
/** Keeps a FIQL OR filter well inside URL length limits (100 names ≈ 4 KB). */
const NAMES_PER_REQUEST = 100;
const TASK_POLL_MS = 500;
const TASK_MAX_POLLS = 60;

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

  /** The entity with this name, if any, with its ETag. */
  find(name: string): Observable<{ entity: DefinedEntity<RegistryStatus>; etag: string } | undefined> {
    return this.cloudApi.listAllEntitiesByType<RegistryStatus>(STATUS_TYPE_REF, { filter: `name==${name}` }).pipe(
      switchMap((entities) => {
        const [first] = entities;
        if (!first) return of(undefined);
        return this.cloudApi.getEntity<RegistryStatus>(first.id).pipe(map(({ value, etag }) => ({ entity: value, etag })));
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
    ).pipe(map((lists) => lists.flat()));
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

  /** As `update`, answering the stored entity (its id is what sharing needs). */
  write(
    name: string,
    initial: RegistryStatus,
    change: (current: RegistryStatus) => RegistryStatus,
    attempts = 3,
  ): Observable<DefinedEntity<RegistryStatus>> {
    return this.find(name).pipe(
      switchMap((found) => (found ? of(found) : this.create(name, initial))),
      switchMap(({ entity, etag }) =>
        this.cloudApi.putEntity({ ...entity, entity: storableStatus(change(entity.entity)) }, etag).pipe(map(({ value }) => value)),
      ),
      catchError((error: unknown) =>
        isVcdError(error) && error.kind === 'conflict' && attempts > 1
          ? this.write(name, initial, change, attempts - 1)
          : throwError(() => error),
      ),
    );
  }

  /** Deletes the named entity; VCD removes its access controls with it. Absent already: done. */
  remove(name: string): Observable<void> {
    return this.find(name).pipe(
      switchMap((found) => (found ? this.http.delete(`${this.root}/entities/${found.entity.id}`) : of(null))),
      map(() => undefined),
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

  private create(name: string, initial: RegistryStatus): Observable<{ entity: DefinedEntity<RegistryStatus>; etag: string }> {
    return this.http
      .post(`${this.root}/entityTypes/${STATUS_TYPE_ID}`, { name, entity: storableStatus(initial) }, { observe: 'response' })
      .pipe(
        switchMap((response) => this.createdEntityId(response)),
        switchMap((id) => this.http.post(`${this.root}/entities/${id}/resolve`, {}).pipe(map(() => id))),
        switchMap((id) => this.cloudApi.getEntity<RegistryStatus>(id)),
        map(({ value, etag }) => ({ entity: value, etag })),
        catchError((error: unknown) => throwError(() => toVcdError(error))),
      );
  }

  /**
   * VCD creates entities asynchronously: 202 + a task whose owner is the new entity. The task
   * stays running until the entity is resolved, so take the owner as soon as the task names it.
   */
  private createdEntityId(response: HttpResponse<unknown>): Observable<string> {
    const created = response.body as { id?: string } | null;
    if (response.status !== 202 && created?.id) return of(created.id);
    const location = response.headers.get('Location');
    if (!location)
      return throwError((): VcdError => ({ kind: 'server', status: response.status, detail: 'no task Location for the new entity' }));
    return timer(0, TASK_POLL_MS).pipe(
      take(TASK_MAX_POLLS),
      switchMap(() => this.http.get<Task>(location)),
      filter((task) => Boolean(task.owner?.id) || (task.status !== 'running' && task.status !== 'queued' && task.status !== 'preRunning')),
      take(1),
      switchMap((task) =>
        task.owner?.id && task.status !== 'error' && task.status !== 'aborted'
          ? of(task.owner.id)
          : throwError(
              (): VcdError => ({
                kind: 'server',
                status: 500,
                detail: task.error?.message ?? `task ended ${task.status ?? 'without status'}`,
              }),
            ),
      ),
    );
  }

  private unlessExists(error: unknown): Observable<null> {
    const vcd = toVcdError(error);
    // VCD answers 400 (DUPLICATE_NAME) or 409 when the interface or type already exists.
    return vcd.kind === 'invalid' && /exist|duplicate/i.test(vcd.detail ?? '') ? of(null) : throwError(() => error);
  }
}
