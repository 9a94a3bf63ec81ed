/*
 * Airgap tab → Dependencies → "Use your own dependencies.txt": the file the provider uploads or
 * pastes, read with its problems (or refused whole), and whether it adds to the built-in list or
 * replaces it. The section merges it into the catalog it checks.
 */
import { DestroyRef, computed, signal } from '@angular/core';
import { FormControl } from '@angular/forms';
import { untilDestroyed } from '../../shared/rx';
import { DependencyFileReading, MergeMode, readDependencyFile } from '../domain';

export interface LoadedFile {
  readonly name: string;
  readonly reading: DependencyFileReading;
}

export class OwnDependencyFile {
  readonly mergeMode = new FormControl<MergeMode>('extend', { nonNullable: true });
  readonly pasted = new FormControl('', { nonNullable: true });
  readonly mode = signal<MergeMode>('extend');
  readonly file = signal<LoadedFile | undefined>(undefined);
  readonly problems = computed(() => {
    const reading = this.file()?.reading;
    return reading?.kind === 'parsed' ? reading.problems : [];
  });
  readonly rejection = computed(() => {
    const reading = this.file()?.reading;
    return reading?.kind === 'rejected' ? reading : undefined;
  });

  constructor(destroyRef: DestroyRef) {
    this.mergeMode.valueChanges.pipe(untilDestroyed(destroyRef)).subscribe((mode) => this.mode.set(mode));
  }

  async load(files: FileList | null): Promise<void> {
    const chosen = files?.[0];
    if (!chosen) return;
    this.file.set({ name: chosen.name, reading: readDependencyFile(new Uint8Array(await chosen.arrayBuffer())) });
  }

  usePasted(): void {
    this.file.set({ name: 'dependencies.txt', reading: readDependencyFile(this.pasted.value) });
  }

  clear(): void {
    this.file.set(undefined);
  }
}
