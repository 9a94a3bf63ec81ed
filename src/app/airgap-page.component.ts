/*
 * The plug-in's page: Container Registry Settings and Airgap side by side, both starting from
 * CSE's current configuration. Loading, missing, ambiguous and failed states are all explicit.
 */
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { untilDestroyed } from './shared/rx/until-destroyed';
import { ClrAlertModule, ClrSpinnerModule, ClrTabsModule } from '@clr/angular';
import { I18nModule } from '@vcd/i18n';
import { CseConfigSummaryComponent } from './cse-config-summary.component';
import { CseConfigLookup, CseConfigRepository } from './shared/cse-config';
import { VcdErrorAlertComponent } from './shared/ui/vcd-error-alert.component';
import { VCD_SESSION, VcdError, toVcdError } from './vcd';

type PageState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly lookup: CseConfigLookup }
  | { readonly status: 'failed'; readonly error: VcdError };

@Component({
  selector: 'cse-airgap-page',
  standalone: true,
  imports: [
    NgTemplateOutlet,
    ClrTabsModule,
    ClrAlertModule,
    ClrSpinnerModule,
    I18nModule,
    CseConfigSummaryComponent,
    VcdErrorAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './airgap-page.component.html',
  styles: [
    `
      :host {
        display: block;
        padding: 1.2rem;
      }
    `,
  ],
})
export class AirgapPageComponent implements OnInit {
  private readonly repository = inject(CseConfigRepository);
  private readonly destroyRef = inject(DestroyRef);
  readonly isTenant = inject(VCD_SESSION).scope === 'tenant';
  readonly state = signal<PageState>({ status: 'loading' });
  readonly error = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? state.error : undefined;
  });
  readonly lookup = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? state.lookup : undefined;
  });

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.state.set({ status: 'loading' });
    this.repository
      .lookup()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (lookup) => this.state.set({ status: 'loaded', lookup }),
        error: (error: unknown) => this.state.set({ status: 'failed', error: toVcdError(error) }),
      });
  }
}
