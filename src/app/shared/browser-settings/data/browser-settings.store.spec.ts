import { TestBed } from '@angular/core/testing';
import { VCD_SESSION } from '../../../vcd';
import { PROVIDER_SESSION } from '../../../vcd/testing/vcd-testing';
import { MemoryStorage, provideBrowserStorage } from '../testing/memory-storage';
import { BrowserSettingsStore } from './browser-settings.store';

const KEY = `cse-airgap:${PROVIDER_SESSION.apiRootUrl}:settings`;
const asText = (value: unknown): string | undefined => (typeof value === 'string' && value.length < 10 ? value : undefined);

describe('BrowserSettingsStore', () => {
  function storeWith(storage: Storage | null): BrowserSettingsStore {
    TestBed.configureTestingModule({
      providers: [BrowserSettingsStore, { provide: VCD_SESSION, useValue: PROVIDER_SESSION }, provideBrowserStorage(storage)],
    });
    return TestBed.inject(BrowserSettingsStore);
  }

  it('keeps its settings under the plug-in and VCD site key', () => {
    expect(storeWith(new MemoryStorage()).key).toBe(KEY);
  });

  describe('when a section is written', () => {
    it('reads it back, next to the other sections', () => {
      const storage = new MemoryStorage({ [KEY]: '{"other":"kept"}' });
      const store = storeWith(storage);
      expect(store.write('source', 'mirror')).toBeTrue();
      expect(store.read('source', asText)).toBe('mirror');
      expect(storage.json(KEY)).toEqual({ other: 'kept', source: 'mirror' });
    });

    it('removes the key once the last section is removed', () => {
      const storage = new MemoryStorage({ [KEY]: '{"source":"mirror"}' });
      expect(storeWith(storage).write('source', undefined)).toBeTrue();
      expect(storage.getItem(KEY)).toBeNull();
    });
  });

  describe('when what is stored does not parse', () => {
    it('ignores and clears a section its parser refuses, and keeps the rest', () => {
      const storage = new MemoryStorage({ [KEY]: '{"source":"https://far/too/long","other":"kept"}' });
      expect(storeWith(storage).read('source', asText)).toBeUndefined();
      expect(storage.json(KEY)).toEqual({ other: 'kept' });
    });

    it('ignores and clears a value that is not a JSON object', () => {
      const storage = new MemoryStorage({ [KEY]: 'not json' });
      expect(storeWith(storage).read('source', asText)).toBeUndefined();
      expect(storage.getItem(KEY)).toBeNull();
    });
  });

  describe('when the browser keeps nothing', () => {
    it('reads nothing and says a write was not kept', () => {
      const store = storeWith(null);
      expect(store.isAvailable()).toBeFalse();
      expect(store.read('source', asText)).toBeUndefined();
      expect(store.write('source', 'mirror')).toBeFalse();
    });

    it('says a write was not kept when the storage is full', () => {
      const storage = new MemoryStorage();
      storage.isFull = true;
      expect(storeWith(storage).write('source', 'mirror')).toBeFalse();
    });
  });
});
