/*
 * The system status entity as the Airgap tab's dependency check uses it: whether results can be
 * kept at all (the plug-in's storage exists), how the registry check found the registry reachable,
 * the last complete dependency check, and where a whole result goes.
 */
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { AccessPath } from '../../registry/domain';
import { RegistryStatusRepository, StatusStorage } from '../../shared/status-store';
import { RegistryStatus, SYSTEM_STATUS_NAME } from '../../shared/status-store/domain';
import { DependencyCheckRecord, readRecord } from '../domain';
import { KeepTarget } from './dependency-check-runner';

export interface SystemCheckState {
  /** How to reach the registry, and whether it is Harbor, as the last registry check found. */
  readonly access?: { readonly path: AccessPath; readonly harbor: boolean };
  readonly record?: DependencyCheckRecord;
}

@Injectable()
export class SystemCheckStore {
  private readonly statusStore = inject(RegistryStatusRepository);

  storage(): Observable<StatusStorage> {
    return this.statusStore.storage();
  }

  read(): Observable<SystemCheckState> {
    return this.statusStore.find(SYSTEM_STATUS_NAME).pipe(
      map((found) => {
        const status = found?.entity.entity;
        const record = readRecord(status?.lastDependencyCheck);
        return {
          ...(status?.accessPath
            ? { access: { path: status.accessPath, harbor: status.lastRegistryCheck?.harborVersion !== undefined } }
            : {}),
          ...(record ? { record } : {}),
        };
      }),
    );
  }

  /** The system entity once the storage exists; until then a result is only shown. */
  keepTarget(storage: StatusStorage | undefined): KeepTarget {
    if (storage !== 'ready') return { kind: 'nothing' };
    const initial: RegistryStatus = { scope: 'system' };
    return {
      kind: 'store',
      store: (record) =>
        this.statusStore.update(SYSTEM_STATUS_NAME, initial, (current) => ({ ...current, lastDependencyCheck: { ...record } })),
    };
  }
}
