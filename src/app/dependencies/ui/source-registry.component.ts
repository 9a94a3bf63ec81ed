/*
 * Airgap → Dependencies → Source registry: where the catalog's VMware images are copied from. The
 * default is what the CSE docs name; public sources show some images moved in 2024 (listed with
 * what they say, docs/domain.md#source-registry); the choice is the provider's, kept in this
 * browser for this VCD site (docs/domain.md#browser-settings), and the missing-only file, the
 * transfer script and the procedure follow it.
 */
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ClrFormsModule } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { untilDestroyed } from '../../shared/rx';
import { SourceRegistrySetting } from '../data/source-registry.setting';
import { DOCUMENTED_SOURCE_REGISTRY, SOURCE_FACTS, validateSourceRegistry } from '../domain/source-registry';

@Component({
  selector: 'cse-source-registry',
  standalone: true,
  imports: [ReactiveFormsModule, ClrFormsModule, I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './dependencies-section.component.css',
  template: `
    <details class="source-registry" data-test="source-registry">
      <summary>
        {{ 'dependencies.source.summary' | translate: { source: current() } }}
        <span class="label" [class.label-info]="isDocumented()" data-test="source-registry-kind">{{
          (isDocumented() ? 'dependencies.source.documented' : 'dependencies.source.yourChoice') | translate
        }}</span>
      </summary>
      <p>{{ 'dependencies.source.intro' | translate: { documented: documented } }}</p>
      <ul data-test="source-registry-facts">
        @for (fact of facts; track fact.location) {
          <li>
            <code>{{ fact.location }}</code> — {{ 'dependencies.source.fact.' + fact.what | translate }}
          </li>
        }
      </ul>
      <p>{{ 'dependencies.source.manualCheck' | translate }}</p>
      <div class="source-form">
        <input
          class="clr-input"
          data-test="source-registry-input"
          [formControl]="value"
          autocomplete="off"
          spellcheck="false"
          [attr.aria-label]="'dependencies.source.label' | translate"
        />
        <button type="button" class="btn btn-sm btn-primary" data-test="source-registry-save" [disabled]="!canSave()" (click)="save()">
          {{ 'dependencies.source.save' | translate }}
        </button>
        <button type="button" class="btn btn-sm btn-link" data-test="source-registry-default" (click)="useDefault()">
          {{ 'dependencies.source.useDefault' | translate }}
        </button>
      </div>
      @if (problem(); as refused) {
        <p class="warning" data-test="source-registry-problem">
          {{ 'dependencies.source.problem.' + refused.code | translate: refused.params ?? {} }}
          @if (refused.fix) {
            <button type="button" class="btn btn-sm btn-link" data-test="source-registry-fix" (click)="applyFix(refused.fix)">
              {{ 'dependencies.source.useFix' | translate: { fix: refused.fix } }}
            </button>
          }
        </p>
      }
      <p data-test="source-registry-kept">{{ 'dependencies.source.keptHere' | translate }}</p>
      @switch (saved()) {
        @case ('saved') {
          <p data-test="source-registry-saved">{{ 'dependencies.source.saved' | translate }}</p>
        }
        @case ('notKept') {
          <p class="warning" data-test="source-registry-not-kept">{{ 'dependencies.source.notKept' | translate }}</p>
        }
      }
    </details>
  `,
})
export class SourceRegistryComponent {
  private readonly setting = inject(SourceRegistrySetting);
  private readonly destroyRef = inject(DestroyRef);
  readonly documented = DOCUMENTED_SOURCE_REGISTRY;
  readonly facts = SOURCE_FACTS;
  readonly value = new FormControl('', { nonNullable: true });
  private readonly typed = signal('');
  readonly saved = signal<'saved' | 'notKept' | undefined>(undefined);
  readonly current = this.setting.source;
  readonly isDocumented = computed(() => this.current() === DOCUMENTED_SOURCE_REGISTRY);
  readonly validation = computed(() => validateSourceRegistry(this.typed()));
  readonly problem = computed(() => {
    const validation = this.validation();
    return validation.valid || this.typed().trim() === '' ? undefined : validation;
  });
  readonly canSave = computed(() => {
    const validation = this.validation();
    return validation.valid && validation.value !== this.current();
  });

  constructor() {
    this.value.valueChanges.pipe(untilDestroyed(this.destroyRef)).subscribe((text) => {
      this.typed.set(text);
      this.saved.set(undefined);
    });
    this.value.setValue(this.current());
  }

  applyFix(fix: string): void {
    this.value.setValue(fix);
  }

  useDefault(): void {
    this.value.setValue(DOCUMENTED_SOURCE_REGISTRY);
  }

  save(): void {
    const validation = this.validation();
    if (!validation.valid) return;
    this.setting.choose(validation.value);
    this.saved.set(this.setting.isKept() ? 'saved' : 'notKept');
  }
}
