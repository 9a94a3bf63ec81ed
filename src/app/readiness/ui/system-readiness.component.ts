/*
 * The readiness summary of the system registry, at the top of the provider's Airgap tab. It reads
 * the 'system' status entity, VCD's public address and what CSE's two CA lists prove against the
 * served chain, and follows a registry check run on this page at once (RegistryCheckState).
 */
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  EventEmitter,
  Input,
  OnChanges,
  Output,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { ClrAlertModule } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { Observable, catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { certificateSnapshot } from '../../certificates/domain';
import { readRecord } from '../../dependencies/domain';
import { RegistryCheckRecord, pendingRestart, validateRegistryUrl } from '../../registry/domain';
import { RestartMarkService } from '../../registry';
import { RegistrySettings } from '../../shared/cse-config';
import { untilDestroyed } from '../../shared/rx';
import { RegistryStatusRepository, StatusStorage } from '../../shared/status-store';
import { CertificateSnapshot, PublicEndpointFacts, RegistryStatus, SYSTEM_STATUS_NAME } from '../../shared/status-store/domain';
import { VcdErrorAlertComponent } from '../../shared/ui';
import { VcdError, toVcdError } from '../../vcd';
import { PublicEndpointService } from '../data/public-endpoint.service';
import { VcdAddressService } from '../data/vcd-address.service';
import { BootstrapConfig, readBootstrapConfig } from '../domain/bootstrap-config';
import { ReadinessInput, ReadinessSection, readinessLines } from '../domain/readiness';
import { ReadinessSummaryComponent } from './readiness-summary.component';
import { RegistryCheckState } from '../../shared/session-state';

interface StatusRead {
  readonly storage: StatusStorage | undefined;
  readonly status?: RegistryStatus;
  readonly error?: VcdError;
}

@Component({
  selector: 'cse-system-readiness',
  standalone: true,
  imports: [ClrAlertModule, I18nModule, ReadinessSummaryComponent, VcdErrorAlertComponent],
  providers: [PublicEndpointService, VcdAddressService],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <cse-readiness-summary [lines]="lines()" (navigate)="open($event)">
      <button
        readinessActions
        type="button"
        class="btn btn-sm btn-link"
        data-test="readiness-refresh"
        [disabled]="loading()"
        (click)="refresh()"
      >
        @if (loading()) {
          <span class="spinner spinner-inline"></span>
        }
        {{ 'readiness.summary.refresh' | translate }}
      </button>
      @if (pendingRestart()) {
        <button
          readinessActions
          type="button"
          class="btn btn-sm btn-outline"
          data-test="readiness-restart-done"
          (click)="markRestartDone()"
        >
          {{ 'readiness.summary.restartDone' | translate }}
        </button>
      }
    </cse-readiness-summary>
    @if (error(); as failure) {
      <cse-vcd-error-alert [error]="failure" (retry)="refresh()" />
    }
    @if (storage() === 'notSetUp') {
      <p class="readiness-note" data-test="readiness-no-storage">{{ 'readiness.note.noStorage' | translate }}</p>
    }
    @if (isBootstrapNoteShown()) {
      <clr-alert clrAlertType="info" [clrAlertClosable]="true" (clrAlertClosedChange)="isBootstrapNoteShown.set(false)">
        <clr-alert-item>
          <span class="alert-text" data-test="bootstrap-note">{{ 'readiness.note.bootstrap' | translate }}</span>
        </clr-alert-item>
      </clr-alert>
    }
    @if (isPublicEndpointNoteShown()) {
      <clr-alert clrAlertType="info" [clrAlertClosable]="true" (clrAlertClosedChange)="isPublicEndpointNoteShown.set(false)">
        <clr-alert-item>
          <span class="alert-text" data-test="public-endpoint-note">{{ 'readiness.note.publicEndpoint' | translate }}</span>
        </clr-alert-item>
      </clr-alert>
    }
  `,
  styles: [
    `
      :host {
        display: block;
        margin-bottom: 1.2rem;
      }
    `,
  ],
})
export class SystemReadinessComponent implements OnChanges {
  @Input({ required: true }) settings!: RegistrySettings;
  /** The vcdKeConfig entity's body: the Bootstrap VM's components and proxy. */
  @Input() set vcdKeConfig(value: unknown) {
    this.bootstrapConfig.set(readBootstrapConfig(value));
  }
  /** Every section but the public endpoint, which this component explains in place. */
  @Output() readonly navigate = new EventEmitter<ReadinessSection>();

  private readonly statusStore = inject(RegistryStatusRepository);
  private readonly publicEndpoints = inject(PublicEndpointService);
  private readonly checkState = inject(RegistryCheckState);
  private readonly restartMarks = inject(RestartMarkService);
  private readonly vcdAddresses = inject(VcdAddressService);
  private readonly bootstrapConfig = signal<BootstrapConfig | undefined>(undefined);
  private readonly vcdAddress = signal<string | undefined>(undefined);
  private readonly destroyRef = inject(DestroyRef);
  private readonly current = signal<RegistrySettings | undefined>(undefined);
  private snapshotRun = 0;

  readonly storage = signal<StatusStorage | undefined>(undefined);
  readonly status = signal<RegistryStatus | undefined>(undefined);
  readonly publicEndpoint = signal<PublicEndpointFacts | undefined>(undefined);
  readonly certificates = signal<CertificateSnapshot | undefined>(undefined);
  readonly error = signal<VcdError | undefined>(undefined);
  readonly loading = signal(false);
  readonly now = signal(new Date());
  readonly isPublicEndpointNoteShown = signal(false);
  readonly isBootstrapNoteShown = signal(false);
  readonly pendingRestart = computed(() => pendingRestart(this.restartMarks.mark(), this.current()?.containerRegistryUrl ?? ''));

  /** The stored check, or the one just run on this page when it is newer. */
  readonly registryCheck = computed(() => newer(this.status()?.lastRegistryCheck, this.checkState.record()));
  readonly lines = computed(() =>
    readinessLines({
      registryBase: this.current()?.containerRegistryUrl,
      publicEndpoint: this.publicEndpoint(),
      registryCheck: this.registryCheck(),
      certificates: this.certificates(),
      dependencyCheck: readRecord(this.status()?.lastDependencyCheck),
      now: this.now(),
      ...this.bootstrapInput(),
    }),
  );

  constructor() {
    // A check run on this page brings a new chain: prove both lists against it again.
    effect(
      () => {
        this.checkState.chain();
        this.checkState.reach();
        this.registryCheck();
        untracked(() => void this.proveCertificates());
      },
      { allowSignalWrites: true },
    );
  }

  ngOnChanges(): void {
    const isFirst = this.current() === undefined;
    this.current.set(this.settings);
    if (isFirst) this.refresh();
    else void this.proveCertificates();
  }

  /** Reads everything again: after a dependency check, or when someone else ran one. */
  refresh(): void {
    this.loading.set(true);
    this.error.set(undefined);
    this.now.set(new Date());
    forkJoin([this.readStatus(), this.publicEndpoints.read()])
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe(([read, endpoint]) => {
        // Only the Bootstrap VM lines need it: one testConnection, and only for a host name.
        if (this.bootstrapConfig()) {
          this.vcdAddresses
            .resolve(endpoint?.url)
            .pipe(untilDestroyed(this.destroyRef))
            .subscribe((address) => this.vcdAddress.set(address));
        }
        this.storage.set(read.storage);
        if (read.status) this.status.set(read.status);
        this.error.set(read.error);
        this.publicEndpoint.set(endpoint);
        this.loading.set(false);
        void this.proveCertificates();
      });
  }

  open(section: ReadinessSection): void {
    if (section === 'publicEndpoint') this.isPublicEndpointNoteShown.set(true);
    else if (section === 'bootstrap') this.isBootstrapNoteShown.set(true);
    else this.navigate.emit(section);
  }

  /** The provider says the CSE server was restarted after the last save of the URL. */
  markRestartDone(): void {
    this.restartMarks.restartDone();
  }

  private bootstrapInput(): Pick<ReadinessInput, 'bootstrap' | 'pendingRestart'> {
    const config = this.bootstrapConfig();
    const address = this.vcdAddress();
    const pending = this.pendingRestart();
    return {
      ...(config ? { bootstrap: { config, ...(address ? { vcdAddress: address } : {}) } } : {}),
      ...(pending ? { pendingRestart: pending } : {}),
    };
  }

  private readStatus(): Observable<StatusRead> {
    return this.statusStore.storage().pipe(
      catchError(() => of(undefined)),
      switchMap((storage) =>
        storage === 'ready'
          ? this.statusStore.find(SYSTEM_STATUS_NAME).pipe(
              map((found): StatusRead => ({ storage, ...(found ? { status: found.entity.entity } : {}) })),
              catchError((error: unknown) => of<StatusRead>({ storage, error: toVcdError(error) })),
            )
          : of<StatusRead>({ storage }),
      ),
    );
  }

  /** CSE's lists as they are now, against the chain of the last check of this base (none: unproven). */
  private async proveCertificates(): Promise<void> {
    const settings = this.current();
    if (!settings) return;
    const validation = validateRegistryUrl(settings.containerRegistryUrl);
    const host = validation.valid ? validation.parsed.host : '';
    const live = this.checkState.chain();
    const check = this.registryCheck();
    const servedChain =
      live && live.host === host
        ? live.pems
        : check?.base === settings.containerRegistryUrl
          ? check.chain.map((certificate) => certificate.pem)
          : [];
    const run = ++this.snapshotRun;
    const snapshot = await certificateSnapshot({
      bootstrapCertificates: settings.bootstrapCertificates,
      nodeCertificates: settings.nodeCertificates,
      servedChain,
      host,
      now: new Date(),
    });
    if (run === this.snapshotRun) this.certificates.set(snapshot);
  }
}

function newer(stored: RegistryCheckRecord | undefined, live: RegistryCheckRecord | undefined): RegistryCheckRecord | undefined {
  if (!stored || !live) return live ?? stored;
  return Date.parse(live.checkedAt) >= Date.parse(stored.checkedAt) ? live : stored;
}
