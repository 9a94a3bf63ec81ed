/*
 * The restart mark (domain/restart-mark.ts) as one signal for the registry settings' notice and
 * the readiness line, kept in this browser for this VCD site (shared/browser-settings). Another
 * administrator, or another browser, does not see it: the notice says so.
 */
import { Injectable, inject, signal } from '@angular/core';
import { BrowserSettingsStore } from '../../shared/browser-settings';
import { RESTART_MARK_SECTION, RestartMark, afterRegistrySaved, afterRestartDone, readRestartMark } from '../domain/restart-mark';

@Injectable()
export class RestartMarkService {
  private readonly store = inject(BrowserSettingsStore);
  readonly mark = signal<RestartMark | undefined>(this.store.read(RESTART_MARK_SECTION, readRestartMark));
  /** False when this browser keeps nothing: the notice lasts as long as the page. */
  readonly isKept = signal(this.store.isAvailable());

  /** After a successful save of vcdKeConfig with this URL. */
  registrySaved(url: string): void {
    this.keep(afterRegistrySaved(url, new Date()));
  }

  /** The provider says the CSE server was restarted after the last save. */
  restartDone(): void {
    const mark = this.mark();
    if (mark) this.keep(afterRestartDone(mark, new Date()));
  }

  private keep(mark: RestartMark): void {
    this.mark.set(mark);
    this.isKept.set(this.store.write(RESTART_MARK_SECTION, mark));
  }
}
