/*
 * Cluster entities from VCD, page by page as the grid asks (never the full list), every 1.x
 * version of vmware:capvcdCluster in one list. The answer is read as text and refused above a
 * size no real page reaches, then each entity is reduced at once to its public facts
 * (domain/read-cluster.ts): nothing else of the entity — its kubeconfig, its API token — goes on.
 */
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, throwError } from 'rxjs';
import { VCD_SESSION, VcdError, toVcdError } from '../../vcd';
import {
  CAPVCD_CLUSTER_TYPE,
  ClassifyContext,
  ClusterListMode,
  ClusterRecord,
  Finding,
  classifyCluster,
  clusterListFilter,
  readClusterEntity,
} from '../domain';

export interface ClusterPageQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly mode: ClusterListMode;
  readonly search: string;
  readonly sort?: { readonly by: 'name' | 'org.name'; readonly reverse: boolean };
}

/** What a row shows: the cluster's public facts and its findings. */
export interface ClusterRow {
  readonly record: ClusterRecord;
  readonly findings: readonly Finding[];
}

export interface ClusterRowsPage {
  readonly total: number;
  readonly rows: readonly ClusterRow[];
}

export type ClustersError =
  /** No right to read cluster entities (VCD's 403 on the list). */
  | { readonly kind: 'forbidden' }
  /** The cluster is gone, or no longer visible: deleted, or its organization was. */
  | { readonly kind: 'gone' }
  /** An answer bigger than any real page: not parsed. */
  | { readonly kind: 'tooLarge'; readonly megabytes: number }
  /** A 200 whose body is not VCD's page or entity. */
  | { readonly kind: 'unreadableAnswer' }
  | { readonly kind: 'vcd'; readonly error: VcdError };

export const MAX_ANSWER_CHARS = 32 * 1024 * 1024;

export function isClustersError(value: unknown): value is ClustersError {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'forbidden' || kind === 'gone' || kind === 'tooLarge' || kind === 'unreadableAnswer' || kind === 'vcd';
}

/** What a failed read shows: the repository's own error, or an unreadable answer for anything else. */
export function asClustersError(error: unknown): ClustersError {
  return isClustersError(error) ? error : { kind: 'unreadableAnswer' };
}

function parse(text: string): unknown {
  if (text.length > MAX_ANSWER_CHARS) throw { kind: 'tooLarge', megabytes: Math.ceil(text.length / (1024 * 1024)) } satisfies ClustersError;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw { kind: 'unreadableAnswer' } satisfies ClustersError;
  }
}

function toClustersError(error: unknown, forbidden: ClustersError): ClustersError {
  if (isClustersError(error)) return error;
  if (error instanceof HttpErrorResponse && error.status === 403) return forbidden;
  return { kind: 'vcd', error: toVcdError(error) };
}

@Injectable()
export class ClustersRepository {
  private readonly http = inject(HttpClient);
  private readonly root = `${inject(VCD_SESSION).apiRootUrl}/cloudapi/1.0.0`;

  page(query: ClusterPageQuery, context: ClassifyContext): Observable<ClusterRowsPage> {
    const { vendor, nss, versionWildcard } = CAPVCD_CLUSTER_TYPE;
    const filter = clusterListFilter(query.mode, query.search);
    const sort = query.sort ?? { by: 'name', reverse: false };
    const params = {
      page: query.page,
      pageSize: query.pageSize,
      ...(filter ? { filter } : {}),
      [sort.reverse ? 'sortDesc' : 'sortAsc']: sort.by,
    };
    return this.http.get(`${this.root}/entities/types/${vendor}/${nss}/${versionWildcard}`, { params, responseType: 'text' }).pipe(
      map((text) => {
        const body = parse(text) as { resultTotal?: unknown; values?: unknown };
        if (typeof body !== 'object' || body === null || !Array.isArray(body.values))
          throw { kind: 'unreadableAnswer' } satisfies ClustersError;
        const values = body.values.slice(0, query.pageSize);
        const total = typeof body.resultTotal === 'number' && body.resultTotal >= 0 ? body.resultTotal : values.length;
        return { total, rows: values.map((value) => rowOf(value, context)) };
      }),
      catchError((error: unknown) => throwError(() => toClustersError(error, { kind: 'forbidden' }))),
    );
  }

  /** One cluster read again; VCD's 403 means it is gone or no longer visible (VCD answers 403 for both). */
  get(id: string, context: ClassifyContext): Observable<ClusterRow> {
    return this.http.get(`${this.root}/entities/${encodeURIComponent(id)}`, { responseType: 'text' }).pipe(
      map((text) => rowOf(parse(text), context)),
      catchError((error: unknown) => throwError(() => toClustersError(error, { kind: 'gone' }))),
    );
  }
}

export function rowOf(entity: unknown, context: ClassifyContext): ClusterRow {
  const record = readClusterEntity(entity);
  return { record, findings: classifyCluster(record, context) };
}
