/*
 * Creating a status entity the way VCD does it: POST to the type answers 202 with a task whose
 * owner is the new entity (the task stays running until the entity is resolved), then resolve.
 * A task that never names its entity within the polling budget is a timeout, never silence.
 */
import { HttpClient, HttpResponse } from '@angular/common/http';
import { Observable, filter, map, of, switchMap, take, throwError, throwIfEmpty, timer } from 'rxjs';
import { VcdError } from '../../../vcd';
import { RegistryStatus, STATUS_TYPE_ID } from '../domain/registry-status';

interface Task {
  readonly status?: string;
  readonly owner?: { readonly id?: string };
  readonly error?: { readonly message?: string };
}

export const TASK_POLL_MS = 500;
export const TASK_MAX_POLLS = 60;

/** Creates and resolves an entity named `name`; answers its id. */
export function createStatusEntity(http: HttpClient, root: string, name: string, initial: RegistryStatus): Observable<string> {
  return http.post(`${root}/entityTypes/${STATUS_TYPE_ID}`, { name, entity: initial }, { observe: 'response' }).pipe(
    switchMap((response) => createdEntityId(http, response)),
    switchMap((id) => http.post(`${root}/entities/${id}/resolve`, {}).pipe(map(() => id))),
  );
}

/** The new entity's id: in the body (a VCD that answers 201), or the owner of the task in `Location`. */
function createdEntityId(http: HttpClient, response: HttpResponse<unknown>): Observable<string> {
  const created = response.body as { id?: string } | null;
  if (response.status !== 202 && created?.id) return of(created.id);
  const location = response.headers.get('Location');
  if (!location) {
    return throwError((): VcdError => ({ kind: 'server', status: response.status, detail: 'no task Location for the new entity' }));
  }
  return timer(0, TASK_POLL_MS).pipe(
    take(TASK_MAX_POLLS),
    switchMap(() => http.get<Task>(location)),
    filter((task) => Boolean(task.owner?.id) || (task.status !== 'running' && task.status !== 'queued' && task.status !== 'preRunning')),
    take(1),
    throwIfEmpty((): VcdError => ({ kind: 'timeout', status: 0, seconds: (TASK_POLL_MS * TASK_MAX_POLLS) / 1000 })),
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
