/*
 * Assigning (or changing) one organization's private registry: the URL is checked as it is typed,
 * and once typing stops the dialog shows how VCD reaches that host and what setting it up creates.
 * Saves only a valid URL, in its canonical form.
 */
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  EventEmitter,
  OnInit,
  Output,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ClarityModule } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { debounceTime } from 'rxjs';
import { ExternalEndpointPlan, externalEndpointPlan, RegistryUrlValidation, validateRegistryUrl } from '../../registry/domain';
import { ExtApiAccessComponent, RegistryUrlFeedbackComponent } from '../../registry';
import { untilDestroyed } from '../../shared/rx';
import { VcdError } from '../../vcd';
import { OrganizationsService } from '../data/organizations.service';
import { OrgRow } from '../domain/org-row';

/** How long typing must pause before the dialog reads how VCD reaches the typed host. */
export const ASSIGN_PLAN_DEBOUNCE_MS = 400;

@Component({
  selector: 'cse-assign-dialog',
  standalone: true,
  imports: [ReactiveFormsModule, ClarityModule, I18nModule, RegistryUrlFeedbackComponent, ExtApiAccessComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assign-dialog.component.html',
})
export class AssignDialogComponent implements OnInit {
  /** The organization whose registry is assigned; the dialog is open while it exists. */
  readonly row = input.required<OrgRow>();
  /** Recorded as who assigned the registry. */
  readonly userName = input<string | undefined>(undefined);
  /** The registry was stored: its canonical base. */
  @Output() readonly assigned = new EventEmitter<string>();
  /** Storing it failed (the error as thrown; the tab says what it means). */
  @Output() readonly failed = new EventEmitter<unknown>();
  /** Reading how VCD reaches the host failed. */
  @Output() readonly endpointFailed = new EventEmitter<VcdError>();
  @Output() readonly closed = new EventEmitter<void>();

  private readonly organizations = inject(OrganizationsService);
  private readonly destroyRef = inject(DestroyRef);

  readonly url = new FormControl('', { nonNullable: true });
  readonly validation = signal<RegistryUrlValidation | undefined>(undefined);
  readonly isBusy = signal(false);
  readonly plan = signal<ExternalEndpointPlan | undefined>(undefined);
  readonly canAssign = computed(() => this.validation()?.valid === true && !this.isBusy());

  ngOnInit(): void {
    this.url.valueChanges
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe((value) => this.validation.set(value.trim() === '' ? undefined : validateRegistryUrl(value)));
    this.url.valueChanges.pipe(debounceTime(ASSIGN_PLAN_DEBOUNCE_MS), untilDestroyed(this.destroyRef)).subscribe(() => this.updatePlan());
    this.url.setValue(this.row().assignedBase ?? '');
    this.updatePlan();
  }

  private updatePlan(): void {
    const validation = this.validation();
    const next = validation?.valid ? externalEndpointPlan(validation.parsed.host, validation.parsed.port) : undefined;
    // Same host, same plan: keep the object so that its state is not read again.
    if (next?.prefix !== this.plan()?.prefix) this.plan.set(next);
  }

  applyFix(value: string): void {
    this.url.setValue(value);
  }

  assign(): void {
    const validation = this.validation();
    if (!validation?.valid || this.isBusy()) return;
    this.isBusy.set(true);
    this.organizations
      .assign(this.row().org, validation.parsed.value, this.userName())
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.isBusy.set(false);
          this.assigned.emit(validation.parsed.value);
        },
        error: (error: unknown) => {
          this.isBusy.set(false);
          this.failed.emit(error);
        },
      });
  }
}
