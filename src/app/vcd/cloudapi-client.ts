/*
 * A typed client for the cloudapi subset the plug-in uses. Every failure leaves as a VcdError;
 * every read of a writable document carries its ETag, every write sends it back.
 */
import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { EMPTY, Observable, catchError, expand, map, reduce, throwError } from 'rxjs';
import {
  CurrentSession,
  DefinedEntity,
  EntityTypeRef,
  Page,
  PageQuery,
  TestConnectionRequest,
  TestConnectionResult,
  Versioned,
} from './cloudapi.models';
import { VCD_SESSION } from './container-hooks';
import { VcdError, toVcdError } from './errors';

/** VCD's own upper bound for cloudapi page sizes. */
export const MAX_PAGE_SIZE = 128;

function toParams(query: PageQuery): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) {
      params = params.set(key, String(value));
    }
  }
  return params;
}

function failAsVcdError<T>(source: Observable<T>): Observable<T> {
  return source.pipe(catchError((error: unknown) => throwError((): VcdError => toVcdError(error))));
}

@Injectable()
export class CloudApiClient {
  private readonly http = inject(HttpClient);
  private readonly root = `${inject(VCD_SESSION).apiRootUrl}/cloudapi/1.0.0`;

  currentSession(): Observable<CurrentSession> {
    return failAsVcdError(this.http.get<CurrentSession>(`${this.root}/sessions/current`));
  }

  listEntitiesByType<T>(type: EntityTypeRef, query: PageQuery = {}): Observable<Page<DefinedEntity<T>>> {
    const path = `${this.root}/entities/types/${type.vendor}/${type.nss}/${type.version}`;
    return failAsVcdError(this.http.get<Page<DefinedEntity<T>>>(path, { params: toParams(query) }));
  }

  /** Follows the pages until every entity matching the query has been read. */
  listAllEntitiesByType<T>(type: EntityTypeRef, query: PageQuery = {}): Observable<DefinedEntity<T>[]> {
    const pageSize = query.pageSize ?? MAX_PAGE_SIZE;
    const pageAt = (page: number): Observable<Page<DefinedEntity<T>>> => this.listEntitiesByType<T>(type, { ...query, page, pageSize });
    return pageAt(1).pipe(
      expand((page) => (page.page < page.pageCount ? pageAt(page.page + 1) : EMPTY)),
      reduce((all: DefinedEntity<T>[], page) => [...all, ...page.values], []),
    );
  }

  getEntity<T>(urn: string): Observable<Versioned<DefinedEntity<T>>> {
    return failAsVcdError(
      this.http
        .get<DefinedEntity<T>>(`${this.root}/entities/${urn}`, { observe: 'response' })
        .pipe(map((response) => this.versioned(response.body, response.headers))),
    );
  }

  /** Replaces the whole entity, only if nobody changed it since `etag` was read (else 412 → conflict). */
  putEntity<T>(entity: DefinedEntity<T>, etag: string): Observable<Versioned<DefinedEntity<T>>> {
    return failAsVcdError(
      this.http
        .put<DefinedEntity<T>>(`${this.root}/entities/${entity.id}`, entity, {
          observe: 'response',
          headers: new HttpHeaders({ 'If-Match': etag, 'Content-Type': 'application/json' }),
        })
        .pipe(map((response) => this.versioned(response.body, response.headers))),
    );
  }

  testConnection(request: TestConnectionRequest): Observable<TestConnectionResult> {
    return failAsVcdError(this.http.post<TestConnectionResult>(`${this.root}/testConnection`, request));
  }

  private versioned<T>(body: T | null, headers: HttpHeaders): Versioned<T> {
    const etag = headers.get('ETag');
    if (body === null || !etag) {
      // Without an ETag a later write could overwrite someone else's change: refuse early.
      throw { kind: 'server', status: 200, detail: 'missing ETag or body' } satisfies VcdError;
    }
    return { value: body, etag };
  }
}
