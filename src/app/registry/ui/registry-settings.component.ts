/*
 * The Container Registry Settings tab: CSE's current registry URL and CA lists, and the one field
 * this plug-in lets a provider change, saved without ever overwriting someone else's change.
 */
import { ChangeDetectionStrategy, Component, DestroyRef, EventEmitter, Input, OnChanges, Output, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { ClrAlertModule, ClrFormsModule } from '@clr/angular';
import { I18nModule } from '@vcd/i18n';
import { StoredCertificatesComponent } from '../../certificates/ui/stored-certificates.component';
import { CseConfigDocument, CseConfigRepository, FieldChange, WriteAccess, touchesRegistryUrl } from '../../shared/cse-config';
import { untilDestroyed } from '../../shared/rx/until-destroyed';
import { ConflictPanelComponent } from '../../shared/ui/conflict-panel.component';
import { VcdErrorAlertComponent } from '../../shared/ui/vcd-error-alert.component';
import { VcdError, toVcdError } from '../../vcd';
import { RegistryUrlValidation, registryUrlErrors, validateRegistryUrl } from '../domain/registry-url';
import { RegistryUrlFeedbackComponent } from './registry-url-feedback.component';

interface Conflict {
  readonly latest: CseConfigDocument;
  readonly theirChanges: readonly FieldChange[];
  readonly sameField: boolean;
}

@Component({
  selector: 'cse-registry-settings',
  standalone: true,
  imports: [
    ReactiveFormsModule,
    ClrFormsModule,
    ClrAlertModule,
    I18nModule,
    StoredCertificatesComponent,
    RegistryUrlFeedbackComponent,
    VcdErrorAlertComponent,
    ConflictPanelComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './registry-settings.component.html',
  styleUrl: './registry-settings.component.css',
})
export class RegistrySettingsComponent implements OnChanges {
  @Input({ required: true }) document!: CseConfigDocument;
  @Input({ required: true }) access!: WriteAccess;
  @Output() readonly saved = new EventEmitter<CseConfigDocument>();

  private readonly repository = inject(CseConfigRepository);
  private readonly destroyRef = inject(DestroyRef);

  readonly url = new FormControl('', { nonNullable: true, validators: [(control) => registryUrlErrors(String(control.value))] });
  // A FormGroup on the <form> makes Angular handle submit (no native page reload).
  readonly form = new FormGroup({ url: this.url });
  readonly validation = signal<RegistryUrlValidation>(validateRegistryUrl(''));
  readonly saving = signal(false);
  readonly conflict = signal<Conflict | undefined>(undefined);
  readonly error = signal<VcdError | undefined>(undefined);
  readonly justSaved = signal(false);

  constructor() {
    this.url.valueChanges.pipe(untilDestroyed(this.destroyRef)).subscribe((value) => {
      this.validation.set(validateRegistryUrl(value));
      this.justSaved.set(false);
    });
  }

  ngOnChanges(): void {
    if (!this.url.dirty) {
      // Not a user edit: keep "Saved" showing after a save brings the new document in.
      this.url.setValue(this.document.settings.containerRegistryUrl, { emitEvent: false });
      this.validation.set(validateRegistryUrl(this.url.value));
    }
    if (!this.access.canWrite) this.url.disable({ emitEvent: false });
    else this.url.enable({ emitEvent: false });
  }

  /** The value that would be stored: the canonical form (punycode host, no stray spaces). */
  private canonical(): string | undefined {
    const validation = this.validation();
    return validation.valid ? validation.parsed.value : undefined;
  }

  isUnchanged(): boolean {
    return this.canonical() === this.document.settings.containerRegistryUrl;
  }

  canSave(): boolean {
    return this.access.canWrite && this.validation().valid && !this.isUnchanged() && !this.saving() && !this.conflict();
  }

  applyFix(fix: string): void {
    this.url.setValue(fix);
    this.url.markAsDirty();
  }

  save(base: CseConfigDocument = this.document): void {
    const value = this.canonical();
    if (!value || !this.access.canWrite) return;
    this.saving.set(true);
    this.error.set(undefined);
    this.repository
      .saveRegistryUrl(base, value)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (outcome) => {
          this.saving.set(false);
          if (outcome.kind === 'saved') {
            this.conflict.set(undefined);
            this.justSaved.set(true);
            this.url.markAsPristine();
            this.saved.emit(outcome.document);
          } else {
            this.conflict.set({
              latest: outcome.latest,
              theirChanges: outcome.theirChanges,
              sameField: touchesRegistryUrl(outcome.theirChanges),
            });
          }
        },
        // A failed save leaves the form as the user left it.
        error: (error: unknown) => {
          this.saving.set(false);
          this.error.set(toVcdError(error));
        },
      });
  }

  /** Apply the user's URL on top of the other writer's version (their change survives). */
  reapply(): void {
    const conflict = this.conflict();
    if (!conflict) return;
    this.conflict.set(undefined);
    this.save(conflict.latest);
  }

  /** Drop the user's edit and show the current state. */
  discard(): void {
    const conflict = this.conflict();
    if (!conflict) return;
    this.conflict.set(undefined);
    this.url.markAsPristine();
    this.saved.emit(conflict.latest);
  }
}
