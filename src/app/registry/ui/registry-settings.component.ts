/*
 * The Container Registry Settings tab: CSE's current registry URL and CA lists, and the one field
 * this plug-in lets a provider change, saved without ever overwriting someone else's change.
 */
import { ChangeDetectionStrategy, Component, DestroyRef, EventEmitter, Input, OnChanges, Output, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { ClrAlertModule, ClrFormsModule } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { StoredCertificatesComponent } from '../../certificates';
import { CseConfigDocument, CseConfigRepository, REGISTRY_URL_PATH, WriteAccess } from '../../shared/cse-config';
import { untilDestroyed } from '../../shared/rx';
import { ConflictPanelComponent, SafeSave, VcdErrorAlertComponent } from '../../shared/ui';
import { RegistryUrlValidation, registryUrlErrors, validateRegistryUrl } from '../domain/registry-url';
import { RegistryUrlFeedbackComponent } from './registry-url-feedback.component';
import { RestartNoticeComponent } from './restart-notice.component';

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
    RestartNoticeComponent,
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
  readonly saveState = new SafeSave(this.destroyRef, [REGISTRY_URL_PATH]);
  readonly saving = this.saveState.saving;
  readonly conflict = this.saveState.conflict;
  readonly error = this.saveState.error;
  readonly justSaved = this.saveState.justSaved;
  /** The URL this page saved last: the restart notice follows it. */
  readonly savedUrl = signal<string | undefined>(undefined);

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
    this.saveState.run(this.repository.saveRegistryUrl(base, value), (document) => {
      this.url.markAsPristine();
      this.savedUrl.set(value);
      this.saved.emit(document);
    });
  }

  /** Apply the user's URL on top of the other writer's version (their change survives). */
  reapply(): void {
    const conflict = this.saveState.takeConflict();
    if (conflict) this.save(conflict.latest);
  }

  /** Drop the user's edit and show the current state. */
  discard(): void {
    const conflict = this.saveState.takeConflict();
    if (!conflict) return;
    this.url.markAsPristine();
    this.saved.emit(conflict.latest);
  }
}
