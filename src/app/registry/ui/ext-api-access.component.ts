/*
 * How VCD reaches one registry host for the browser: the external endpoint and API filter that
 * make `/ext-api/<prefix>/…` proxy to it. Shows their state, exactly what setting them up creates,
 * and does it (or removes it) in one click. Used by the registry check and the Organizations tab.
 */
import { ChangeDetectionStrategy, Component, DestroyRef, EventEmitter, Input, OnChanges, Output, inject, signal } from '@angular/core';
import { I18nModule } from '@vcd/i18n';
import { untilDestroyed } from '../../shared/rx/until-destroyed';
import { VcdError, toVcdError } from '../../vcd';
import { AccessSetupState, ExternalEndpointService } from '../data/external-endpoint.service';
import { ExternalEndpointPlan } from '../domain/access-path';

@Component({
  selector: 'cse-ext-api-access',
  standalone: true,
  imports: [I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div data-test="ext-api-setup">
      @switch (state()?.kind) {
        @case ('ready') {
          <p data-test="ext-api-ready">
            <span class="label label-success">{{ 'registry.access.ready' | translate }}</span>
            <code>/ext-api/{{ plan.prefix }}/</code> → <code>{{ plan.endpoint.rootUrl }}</code>
            @if (removable) {
              <button type="button" class="btn btn-sm btn-link" data-test="ext-api-remove" [disabled]="busy()" (click)="change('remove')">
                {{ 'registry.access.remove' | translate }}
              </button>
            }
          </p>
        }
        @case (undefined) {}
        @default {
          <p>{{ 'registry.access.planIntro' | translate }}</p>
          <ul class="plan" data-test="ext-api-plan">
            <li>
              {{
                'registry.access.planEndpoint'
                  | translate
                    : {
                        name: plan.endpoint.name,
                        vendor: plan.endpoint.vendor,
                        version: plan.endpoint.version,
                        rootUrl: plan.endpoint.rootUrl,
                      }
              }}
            </li>
            <li>{{ 'registry.access.planFilter' | translate: { pattern: plan.filterPattern } }}</li>
          </ul>
          @if (state()?.kind === 'partial') {
            <p data-test="ext-api-partial">{{ 'registry.access.partial' | translate }}</p>
          }
          <button type="button" class="btn btn-sm btn-primary" data-test="ext-api-create" [disabled]="busy()" (click)="change('apply')">
            {{ 'registry.access.create' | translate }}
          </button>
        }
      }
    </div>
  `,
  styles: [
    `
      .plan {
        font-family: monospace;
        font-size: 0.6rem;
      }
      code {
        word-break: break-all;
      }
    `,
  ],
})
export class ExtApiAccessComponent implements OnChanges {
  @Input({ required: true }) plan!: ExternalEndpointPlan;
  /** Offer to remove a ready setup (the registry check does; a quick assignment does not). */
  @Input() removable = true;
  @Output() readonly failed = new EventEmitter<VcdError>();

  private readonly endpoints = inject(ExternalEndpointService);
  private readonly destroyRef = inject(DestroyRef);
  readonly state = signal<AccessSetupState | undefined>(undefined);
  readonly busy = signal(false);

  ngOnChanges(): void {
    this.state.set(undefined);
    this.endpoints
      .state(this.plan)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({ next: (state) => this.state.set(state), error: (error: unknown) => this.failed.emit(toVcdError(error)) });
  }

  change(action: 'apply' | 'remove'): void {
    this.busy.set(true);
    (action === 'apply' ? this.endpoints.apply(this.plan) : this.endpoints.remove(this.plan))
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (state) => {
          this.busy.set(false);
          this.state.set(state);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.failed.emit(toVcdError(error));
        },
      });
  }
}
