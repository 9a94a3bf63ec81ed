/*
 * The provider's plug-in settings (source registry, restart after a save), read from and written to
 * the 'system' status entity, shared by the sections that use them through one signal. Without the
 * plug-in's storage (not set up, or a tenant), nothing is kept: `kept` says so.
 */
import { Injectable, inject, signal } from '@angular/core';
import { Observable, catchError, map, of, switchMap, tap, throwError } from 'rxjs';
import { VcdError, toVcdError } from '../../../vcd';
import { PluginSettings, afterRegistrySaved, afterRestartDone, readPluginSettings } from '../domain/plugin-settings';
import { RegistryStatus, SYSTEM_STATUS_NAME } from '../domain/registry-status';
import { RegistryStatusRepository } from './registry-status.repository';

export type SettingsStorage = 'unknown' | 'ready' | 'notSetUp' | 'unreadable';

@Injectable()
export class PluginSettingsService {
  private readonly statusStore = inject(RegistryStatusRepository);
  readonly settings = signal<PluginSettings | undefined>(undefined);
  readonly storage = signal<SettingsStorage>('unknown');
  private loading?: Observable<PluginSettings | undefined>;

  /** Reads the settings once per page; later calls share the first read. */
  load(): Observable<PluginSettings | undefined> {
    this.loading ??= this.statusStore.storage().pipe(
      switchMap((storage) => (storage === 'ready' ? this.statusStore.find(SYSTEM_STATUS_NAME) : of(null))),
      map((found) => {
        this.storage.set(found === null ? 'notSetUp' : 'ready');
        const settings = readPluginSettings(found?.entity.entity.settings);
        this.settings.set(settings);
        return settings;
      }),
      catchError(() => {
        this.storage.set('unreadable');
        return of(undefined);
      }),
    );
    return this.loading;
  }

  registrySaved(url: string): Observable<PluginSettings> {
    return this.update((settings) => afterRegistrySaved(settings, url, new Date()));
  }

  restartDone(): Observable<PluginSettings> {
    return this.update((settings) => afterRestartDone(settings, new Date()));
  }

  setSourceRegistry(sourceRegistry: string | undefined): Observable<PluginSettings> {
    return this.update(({ sourceRegistry: _previous, ...rest } = {}) => ({ ...rest, ...(sourceRegistry ? { sourceRegistry } : {}) }));
  }

  /** Read-modify-write with If-Match (the repository re-applies on a conflict). */
  private update(change: (settings: PluginSettings | undefined) => PluginSettings): Observable<PluginSettings> {
    if (this.storage() !== 'ready') return throwError((): VcdError => ({ kind: 'not-found', status: 0, detail: 'storage not set up' }));
    const initial: RegistryStatus = { scope: 'system' };
    return this.statusStore
      .update(SYSTEM_STATUS_NAME, initial, (current) => ({ ...current, settings: change(readPluginSettings(current.settings)) }))
      .pipe(
        map((status) => readPluginSettings(status.settings) ?? {}),
        tap((settings) => this.settings.set(settings)),
        catchError((error: unknown) => throwError(() => toVcdError(error))),
      );
  }
}
