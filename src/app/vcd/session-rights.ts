/*
 * The rights of the current user, read the way VCD exposes them: the session's roles, then each
 * role's rights. Used to disable what the user could not do anyway, with the reason.
 */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { EMPTY, Observable, catchError, expand, forkJoin, map, of, reduce, shareReplay, switchMap, throwError } from 'rxjs';
import { EntityReference, Page } from './cloudapi.models';
import { MAX_PAGE_SIZE } from './cloudapi-client';
import { VCD_SESSION } from './container-hooks';
import { toVcdError } from './errors';

interface SessionWithRoles {
  readonly roleRefs?: readonly EntityReference[];
}

@Injectable()
export class SessionRights {
  private readonly http = inject(HttpClient);
  private readonly root = `${inject(VCD_SESSION).apiRootUrl}/cloudapi/1.0.0`;

  /** Right names of every role of the session; read once per plug-in load. */
  readonly names$: Observable<ReadonlySet<string>> = this.http.get<SessionWithRoles>(`${this.root}/sessions/current`).pipe(
    switchMap((session) => {
      const roles = session.roleRefs ?? [];
      return roles.length === 0 ? of([] as string[][]) : forkJoin(roles.map((role) => this.rightsOf(role.id)));
    }),
    map((lists) => new Set(lists.flat())),
    catchError((error: unknown) => throwError(() => toVcdError(error))),
    shareReplay({ bufferSize: 1, refCount: false }),
  );

  private rightsOf(roleId: string): Observable<string[]> {
    const pageAt = (page: number): Observable<Page<EntityReference>> =>
      this.http.get<Page<EntityReference>>(`${this.root}/roles/${roleId}/rights`, {
        params: { page, pageSize: MAX_PAGE_SIZE },
      });
    return pageAt(1).pipe(
      expand((page) => (page.page < page.pageCount ? pageAt(page.page + 1) : EMPTY)),
      reduce((names: string[], page) => [...names, ...page.values.map((right) => right.name)], []),
    );
  }
}
