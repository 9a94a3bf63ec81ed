/*
 * The plug-in's status entity for the system registry, in memory, in place of
 * RegistryStatusRepository: whether its storage is set up, what is stored, and a write that
 * fails when the spec says so. Every value that was written is kept in `written`.
 */
import { Observable, of, throwError } from 'rxjs';
import { RegistryStatus } from '../../shared/status-store/domain/registry-status';
import { StatusStorage } from '../../shared/status-store/data/registry-status.repository';
import { VcdError } from '../../vcd';

export class FakeStatusStore {
  storageState: StatusStorage = 'ready';
  status?: RegistryStatus;
  /** The next write fails with this error. */
  failNextWrite?: VcdError;
  /** The next read fails with this error. */
  failNextRead?: VcdError;
  readonly written: RegistryStatus[] = [];

  storage(): Observable<StatusStorage> {
    return of(this.storageState);
  }

  setUp(): Observable<void> {
    this.storageState = 'ready';
    return of(undefined);
  }

  find(
    name: string,
  ): Observable<{ entity: { id: string; name: string; entityType: string; entity: RegistryStatus }; etag: string } | undefined> {
    const failure = this.failNextRead;
    if (failure) {
      this.failNextRead = undefined;
      return throwError(() => failure);
    }
    const status = this.status;
    return of(
      status
        ? { entity: { id: 'urn:vcloud:entity:cseairgap:registryStatus:1', name, entityType: 't', entity: status }, etag: '"1"' }
        : undefined,
    );
  }

  update(_name: string, initial: RegistryStatus, change: (current: RegistryStatus) => RegistryStatus): Observable<RegistryStatus> {
    const failure = this.failNextWrite;
    if (failure) {
      this.failNextWrite = undefined;
      return throwError(() => failure);
    }
    const next = change(this.status ?? initial);
    this.status = next;
    this.written.push(next);
    return of(next);
  }
}
