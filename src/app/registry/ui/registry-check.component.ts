/*
 * Airgap tab → Registry check: how the browser reaches the registry, then one button that runs
 * every step and fills in the verdicts as they arrive. The last result is kept in VCD.
 */
import { ChangeDetectionStrategy, Component, DestroyRef, Input, OnChanges, OnInit, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { ClrAlertModule, ClrFormsModule, ClrTimelineLayout, ClrTimelineModule, ClrTimelineStepState } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { Subscription } from 'rxjs';
import { RegistryStatus, SYSTEM_STATUS_NAME } from '../../shared/status-store/domain';
import { RegistryStatusRepository, StatusStorage } from '../../shared/status-store';
import { untilDestroyed } from '../../shared/rx';
import { VcdErrorAlertComponent } from '../../shared/ui';
import { VcdError, toVcdError } from '../../vcd';
import { AccessPath, isValidDirectUrl } from '../domain/access-path';
import { externalEndpointPlan } from '../domain/endpoint-plan';
import { CheckStepResult, RegistryCheckRecord, overallVerdict } from '../domain/registry-check';
import { ParsedRegistryUrl, validateRegistryUrl } from '../domain/registry-url';
import { DEFAULT_TIMEOUT_SECONDS } from '../data/registry-http';
import { RegistryCheckProgress, RegistryCheckRunner } from '../data/registry-check-runner';

import { ServedChainComponent } from './served-chain.component';
import { StorageSetupComponent } from './storage-setup.component';
import { ExtApiAccessComponent } from './ext-api-access.component';
import { TIMELINE_STATE } from './step-timeline';
import { RegistryCheckState } from '../../shared/session-state';

@Component({
  selector: 'cse-registry-check',
  standalone: true,
  imports: [
    ReactiveFormsModule,
    ClrFormsModule,
    ClrAlertModule,
    ClrTimelineModule,
    I18nModule,
    VcdErrorAlertComponent,
    ServedChainComponent,
    StorageSetupComponent,
    ExtApiAccessComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './registry-check.component.html',
  styleUrl: './registry-check.component.css',
})
export class RegistryCheckComponent implements OnInit, OnChanges {
  @Input({ required: true }) registryUrl!: string;
  @Input({ required: true }) isProvider!: boolean;

  private readonly runner = inject(RegistryCheckRunner);
  private readonly statusStore = inject(RegistryStatusRepository);
  private readonly destroyRef = inject(DestroyRef);
  private readonly checkState = inject(RegistryCheckState);
  private running?: Subscription;

  readonly accessKind = new FormControl<'extApi' | 'direct'>('extApi', { nonNullable: true });
  readonly directUrl = new FormControl('', {
    nonNullable: true,
    validators: [(control) => (isValidDirectUrl(String(control.value)) ? null : { directUrl: true })],
  });
  readonly timeoutSeconds = new FormControl(DEFAULT_TIMEOUT_SECONDS, {
    nonNullable: true,
    validators: [Validators.required, Validators.min(1), Validators.max(120)],
  });

  readonly parsed = signal<ParsedRegistryUrl | undefined>(undefined);
  readonly storage = signal<StatusStorage | undefined>(undefined);
  readonly progress = signal<RegistryCheckProgress | undefined>(undefined);
  readonly lastRecord = signal<RegistryCheckRecord | undefined>(undefined);
  readonly error = signal<VcdError | undefined>(undefined);
  readonly kept = signal<'kept' | 'notKept' | 'failed' | undefined>(undefined);
  readonly accessKindValue = signal<'extApi' | 'direct'>('extApi');
  /** What VCD serves this registry on, as the access component found it (0.1.0's path until migrated). */
  readonly extApiAccess = signal<AccessPath | undefined>(undefined);
  readonly verticalLayout = ClrTimelineLayout.VERTICAL;

  readonly plan = computed(() => {
    const parsed = this.parsed();
    return parsed ? externalEndpointPlan(parsed.host, parsed.port) : undefined;
  });
  readonly steps = computed(() => this.progress()?.steps ?? this.lastRecord()?.steps ?? []);
  readonly chain = computed(() => this.progress()?.chain ?? this.lastRecord()?.chain ?? []);
  readonly isRunning = computed(() => this.progress()?.done === false);

  ngOnInit(): void {
    this.accessKind.valueChanges.pipe(untilDestroyed(this.destroyRef)).subscribe((kind) => this.accessKindValue.set(kind));
    this.statusStore
      .storage()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (storage) => {
          this.storage.set(storage);
          if (storage === 'ready') this.loadLast();
        },
        error: () => this.storage.set(undefined),
      });
  }

  ngOnChanges(): void {
    const validation = validateRegistryUrl(this.registryUrl);
    this.parsed.set(validation.valid ? validation.parsed : undefined);
  }

  /** After a failed read of VCD: clear the error and read again (the access state, the last result). */
  retry(): void {
    this.error.set(undefined);
    // A new plan makes the access component read VCD's state again.
    this.ngOnChanges();
    if (this.storage() === 'ready' && !this.lastRecord()) this.loadLast();
  }

  private loadLast(): void {
    this.statusStore
      .find(SYSTEM_STATUS_NAME)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (found) => {
          const status = found?.entity.entity;
          if (!status) return;
          if (status.accessPath) {
            this.accessKind.setValue(status.accessPath.kind);
            if (status.accessPath.kind === 'direct') this.directUrl.setValue(status.accessPath.url);
          }
          if (status.lastRegistryCheck?.base === this.registryUrl) {
            this.lastRecord.set(status.lastRegistryCheck);
            this.share(status.lastRegistryCheck);
          }
        },
        error: (error: unknown) => this.error.set(toVcdError(error)),
      });
  }

  accessPath(): AccessPath | undefined {
    const plan = this.plan();
    if (this.accessKind.value === 'direct') return this.directUrl.valid ? { kind: 'direct', url: this.directUrl.value } : undefined;
    const served = this.extApiAccess();
    if (served?.kind === 'extApi' && plan && (served.prefix === plan.prefix || served.prefix === plan.legacy.prefix)) return served;
    return plan ? { kind: 'extApi', prefix: plan.prefix } : undefined;
  }

  canRun(): boolean {
    return this.isProvider && !!this.parsed() && !!this.accessPath() && this.timeoutSeconds.valid && !this.isRunning();
  }

  timelineState(step: CheckStepResult): ClrTimelineStepState {
    return TIMELINE_STATE[step.verdict];
  }

  run(): void {
    const parsed = this.parsed();
    const access = this.accessPath();
    if (!parsed || !access || !this.canRun()) return;
    this.kept.set(undefined);
    this.error.set(undefined);
    const timeoutSeconds = this.timeoutSeconds.value;
    this.running?.unsubscribe();
    this.running = this.runner
      .run({
        host: parsed.host,
        ...(parsed.port ? { port: parsed.port } : {}),
        ...(parsed.project ? { project: parsed.project } : {}),
        access,
        timeoutSeconds,
      })
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe((progress) => {
        this.progress.set(progress);
        if (progress.done)
          this.keep({
            base: parsed.value,
            accessPath: access,
            checkedAt: new Date().toISOString(),
            timeoutSeconds,
            steps: progress.steps,
            chain: progress.chain,
            verdict: overallVerdict(progress.steps),
            ...(progress.harborVersion ? { harborVersion: progress.harborVersion } : {}),
          });
      });
  }

  /** Lets the certificates section prove CAs against what the registry served. */
  private share(record: RegistryCheckRecord): void {
    this.checkState.record.set(record);
    this.checkState.reach.set({ path: record.accessPath, harbor: record.harborVersion !== undefined });
    const parsed = this.parsed();
    if (parsed && record.chain.length > 0) {
      this.checkState.chain.set({
        host: parsed.host,
        pems: record.chain.map((certificate) => certificate.pem),
        checkedAt: record.checkedAt,
      });
    }
  }

  /** Keeps the result (and the access path) in the plug-in's status entity, when storage is set up. */
  private keep(record: RegistryCheckRecord): void {
    this.lastRecord.set(record);
    this.share(record);
    if (this.storage() !== 'ready') {
      this.kept.set('notKept');
      return;
    }
    const initial: RegistryStatus = { scope: 'system' };
    this.statusStore
      .update(SYSTEM_STATUS_NAME, initial, (current) => ({
        ...current,
        registryBase: record.base,
        accessPath: record.accessPath,
        lastRegistryCheck: record,
      }))
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({ next: () => this.kept.set('kept'), error: () => this.kept.set('failed') });
  }

  onStorageReady(): void {
    this.storage.set('ready');
    const record = this.lastRecord();
    if (record && this.kept() === 'notKept') this.keep(record);
  }
}
