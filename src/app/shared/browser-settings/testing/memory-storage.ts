/* A Storage in memory for specs: what the plug-in wrote, and a switch to make writes fail (quota). */
import { Provider } from '@angular/core';
import { BROWSER_STORAGE } from '../data/browser-settings.store';

export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  /** Make setItem throw, as a full or refusing localStorage does. */
  isFull = false;

  constructor(initial: Readonly<Record<string, string>> = {}) {
    for (const [key, value] of Object.entries(initial)) this.items.set(key, value);
  }

  get length(): number {
    return this.items.size;
  }

  clear(): void {
    this.items.clear();
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  setItem(key: string, value: string): void {
    if (this.isFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }

  /** The parsed object stored under `key`, for assertions. */
  json(key: string): unknown {
    const raw = this.items.get(key);
    return raw === undefined ? undefined : JSON.parse(raw);
  }
}

/** Settings kept in `storage`; null: a browser that keeps nothing (storage disabled). */
export function provideBrowserStorage(storage: Storage | null = new MemoryStorage()): Provider {
  return { provide: BROWSER_STORAGE, useValue: storage ?? undefined };
}
