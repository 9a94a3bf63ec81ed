/*
 * The provider's choices kept in this browser (localStorage) for this VCD site, as named sections
 * that the features own: each reads its section through its own parser, and what does not parse
 * is cleared, never used. Nothing secret is ever written here (the features store a registry host,
 * a registry URL and dates). A browser without storage (disabled, private mode, quota) keeps
 * nothing: `isAvailable` says so, and writes answer false.
 */
import { Injectable, InjectionToken, inject } from '@angular/core';
import { VCD_SESSION } from '../../../vcd';
import { SectionParser, StoredSettings, browserSettingsKey, readStoredSettings, withSection } from '../domain/browser-settings';

/** The Storage the settings live in: localStorage, unless a spec gives its own. */
export const BROWSER_STORAGE = new InjectionToken<Storage | undefined>('cse-airgap browser storage', {
  providedIn: 'root',
  factory: () => {
    try {
      // Reading the property itself throws where the browser refuses storage to the page.
      return globalThis.localStorage ?? undefined;
    } catch {
      return undefined;
    }
  },
});

@Injectable()
export class BrowserSettingsStore {
  private readonly storage = inject(BROWSER_STORAGE);
  readonly key = browserSettingsKey(inject(VCD_SESSION).apiRootUrl);

  /** The section, if stored and valid; an invalid section (or an unreadable whole) is cleared. */
  read<T>(section: string, parse: SectionParser<T>): T | undefined {
    const settings = this.readAll();
    if (settings === undefined || !(section in settings)) return undefined;
    const value = parse(settings[section]);
    if (value === undefined) this.save(withSection(settings, section, undefined));
    return value;
  }

  /** Stores the section (undefined removes it); false when this browser keeps nothing. */
  write<T>(section: string, value: T | undefined): boolean {
    return this.save(withSection(this.readAll(), section, value));
  }

  isAvailable(): boolean {
    return this.storage !== undefined;
  }

  private readAll(): StoredSettings | undefined {
    let raw: string | null;
    try {
      raw = this.storage?.getItem(this.key) ?? null;
    } catch {
      return undefined;
    }
    const settings = readStoredSettings(raw);
    if (settings !== 'unreadable') return settings;
    this.remove();
    return undefined;
  }

  private save(settings: StoredSettings): boolean {
    if (!this.storage) return false;
    try {
      if (Object.keys(settings).length === 0) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, JSON.stringify(settings));
      return true;
    } catch {
      return false;
    }
  }

  private remove(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing to clear in a storage that refuses access.
    }
  }
}
