/*
 * The state of one guarded save of vcdKeConfig, shared by every editor of it: busy, failed
 * (form left as is), conflicted (412: what the other writer changed), or just saved.
 */
import { DestroyRef, signal } from '@angular/core';
import { Observable } from 'rxjs';
import { CseConfigDocument, SaveOutcome, touchesAny } from '../cse-config';
import { untilDestroyed } from '../rx/until-destroyed';
import { VcdError, toVcdError } from '../../vcd';
import { ConflictView } from './conflict-panel.component';

export type SaveConflict = ConflictView & { readonly latest: CseConfigDocument };

export class SafeSave {
  readonly saving = signal(false);
  readonly error = signal<VcdError | undefined>(undefined);
  readonly conflict = signal<SaveConflict | undefined>(undefined);
  readonly justSaved = signal(false);

  /** `editedPaths`: the fields this editor changes; a conflict on them is called out. */
  constructor(
    private readonly destroyRef: DestroyRef,
    private readonly editedPaths: readonly string[],
  ) {}

  run(save: Observable<SaveOutcome>, onSaved: (document: CseConfigDocument) => void): void {
    this.saving.set(true);
    this.error.set(undefined);
    save.pipe(untilDestroyed(this.destroyRef)).subscribe({
      next: (outcome) => {
        this.saving.set(false);
        if (outcome.kind === 'saved') {
          this.conflict.set(undefined);
          this.justSaved.set(true);
          onSaved(outcome.document);
        } else {
          this.conflict.set({
            latest: outcome.latest,
            theirChanges: outcome.theirChanges,
            sameField: touchesAny(outcome.theirChanges, this.editedPaths),
          });
        }
      },
      // A failed save leaves the editor as the user left it.
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(toVcdError(error));
      },
    });
  }

  /** Ends the conflict and hands over the other writer's version. */
  takeConflict(): SaveConflict | undefined {
    const conflict = this.conflict();
    this.conflict.set(undefined);
    return conflict;
  }
}
