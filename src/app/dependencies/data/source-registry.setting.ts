/*
 * Where the catalog's VMware images are copied from (domain/source-registry.ts), the provider's
 * choice kept in this browser for this VCD site (shared/browser-settings): the source registry
 * section, the missing-only file, the transfer script and the procedure read this one signal.
 */
import { Injectable, computed, inject, signal } from '@angular/core';
import { BrowserSettingsStore } from '../../shared/browser-settings';
import { DOCUMENTED_SOURCE_REGISTRY, SOURCE_REGISTRY_SECTION, readSourceSetting } from '../domain/source-registry';

@Injectable()
export class SourceRegistrySetting {
  private readonly store = inject(BrowserSettingsStore);
  /** The provider's choice; undefined: the documented registry. */
  private readonly chosen = signal<string | undefined>(this.store.read(SOURCE_REGISTRY_SECTION, readSourceSetting));
  readonly source = computed(() => this.chosen() ?? DOCUMENTED_SOURCE_REGISTRY);
  /** False when this browser keeps nothing: a choice lasts as long as the page. */
  readonly isKept = signal(this.store.isAvailable());

  /** A valid source (validateSourceRegistry's value); the documented one clears the choice. */
  choose(source: string): void {
    const chosen = source === DOCUMENTED_SOURCE_REGISTRY ? undefined : readSourceSetting(source);
    this.chosen.set(chosen);
    this.isKept.set(this.store.write(SOURCE_REGISTRY_SECTION, chosen));
  }
}
