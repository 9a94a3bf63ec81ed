/* A PluginSettingsService double for component specs: settings in memory, every write recorded. */
import { signal } from '@angular/core';
import { Observable, of, throwError } from 'rxjs';
import { PluginSettingsService, SettingsStorage } from '../data/plugin-settings.service';
import { PluginSettings, afterRegistrySaved, afterRestartDone } from '../domain/plugin-settings';

export class FakePluginSettings
  implements Pick<PluginSettingsService, 'settings' | 'storage' | 'load' | 'registrySaved' | 'restartDone' | 'setSourceRegistry'>
{
  readonly settings = signal<PluginSettings | undefined>(undefined);
  readonly storage = signal<SettingsStorage>('ready');
  readonly writes: PluginSettings[] = [];
  /** Make the next writes fail with this VCD error kind (e.g. 'invalid': a type from an older version). */
  failWith?: 'invalid' | 'forbidden';

  constructor(initial?: PluginSettings, storage: SettingsStorage = 'ready') {
    this.settings.set(initial);
    this.storage.set(storage);
  }

  load(): Observable<PluginSettings | undefined> {
    return of(this.settings());
  }

  registrySaved(url: string): Observable<PluginSettings> {
    return this.write(afterRegistrySaved(this.settings(), url, new Date()));
  }

  restartDone(): Observable<PluginSettings> {
    return this.write(afterRestartDone(this.settings(), new Date()));
  }

  setSourceRegistry(sourceRegistry: string | undefined): Observable<PluginSettings> {
    const { sourceRegistry: _previous, ...rest } = this.settings() ?? {};
    return this.write({ ...rest, ...(sourceRegistry ? { sourceRegistry } : {}) });
  }

  private write(next: PluginSettings): Observable<PluginSettings> {
    if (this.storage() !== 'ready' || this.failWith) {
      return throwError(() => ({ kind: this.failWith ?? 'not-found', status: this.failWith === 'invalid' ? 400 : 404 }));
    }
    this.writes.push(next);
    this.settings.set(next);
    return of(next);
  }
}

export function provideFakePluginSettings(fake = new FakePluginSettings()): {
  provide: typeof PluginSettingsService;
  useValue: FakePluginSettings;
} {
  return { provide: PluginSettingsService, useValue: fake };
}
