/*
 * Airgap tab → Dependencies: pick the CSE release and TKRs (or load a dependencies.txt), check
 * every image against the registry through the access path the registry check stored, and show
 * what is missing with the fix. The last result is kept in the plug-in's status entity.
 */
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Input,
  NgZone,
  OnChanges,
  OnInit,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ClrAlertModule, ClrFormsModule, ClrProgressBarModule } from '@clr/angular';
import { I18nModule } from '@vcd/i18n';
import { Subject, Subscription } from 'rxjs';
import { RegistryCheckState } from '../../registry/data/registry-check.state';
import { AccessPath } from '../../registry/domain/access-path';
import { validateRegistryUrl } from '../../registry/domain';
import { untilDestroyed } from '../../shared/rx/until-destroyed';
import { RegistryStatus, SYSTEM_STATUS_NAME } from '../../shared/status-store/domain/registry-status';
import { RegistryStatusRepository, StatusStorage } from '../../shared/status-store/data/registry-status.repository';
import { VCD_SESSION } from '../../vcd';
import { PresenceCheckers } from '../data/presence-checkers';
import {
  CSE_VERSIONS,
  CseVersion,
  CseVersionPreselection,
  DependencyFileReading,
  MergeMode,
  buildCatalog,
  dependencyMessageKey,
  mergeCatalog,
  preselectCseRelease,
  readConfiguredVersions,
  readDependencyFile,
  supportedTkrs,
} from '../domain';
import { CheckOutcome, DependencyCheckRecord, readRecord, rowsOf, toRecord } from './export/check-record';
import { ResultRow, imageToCheckOf, rowsForCatalog } from './export/result-rows';
import { RowCheckUpdate, checkRows, imagesOf, pendingRows } from './export/row-check';
import { CheckClock } from './check-clock';
import { CheckContext, checkContextFor } from './check-context';
import { lookUpDigests, rowsWithoutDigest, withDigest } from './digest-lookup';
import { DependencyFixesComponent } from './dependency-fixes.component';
import { DependencyResultsComponent } from './dependency-results.component';

interface LoadedFile {
  readonly name: string;
  readonly reading: DependencyFileReading;
}

@Component({
  selector: 'cse-dependencies-section',
  standalone: true,
  imports: [
    ReactiveFormsModule,
    ClrAlertModule,
    ClrFormsModule,
    ClrProgressBarModule,
    I18nModule,
    DependencyResultsComponent,
    DependencyFixesComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dependencies-section.component.html',
  styleUrl: './dependencies-section.component.css',
})
export class DependenciesSectionComponent implements OnInit, OnChanges {
  /** The VCDKEConfig entity (or its body): the installed versions preselect the release. */
  @Input({ required: true }) vcdKeConfig!: unknown;
  @Input({ required: true }) registryUrl!: string;
  @Input({ required: true }) isProvider!: boolean;

  private readonly checkers = inject(PresenceCheckers);
  private readonly statusStore = inject(RegistryStatusRepository);
  private readonly session = inject(VCD_SESSION);
  private readonly destroyRef = inject(DestroyRef);
  private readonly clock = new CheckClock(inject(NgZone), this.destroyRef);
  private cancel$ = new Subject<void>();
  private running?: Subscription;

  readonly releases = CSE_VERSIONS;
  readonly release = new FormControl<CseVersion | null>(null);
  readonly mergeMode = new FormControl<MergeMode>('extend', { nonNullable: true });
  readonly pasted = new FormControl('', { nonNullable: true });
  readonly releaseValue = signal<CseVersion | undefined>(undefined);
  readonly mergeModeValue = signal<MergeMode>('extend');
  readonly preselection = signal<CseVersionPreselection | undefined>(undefined);
  readonly selectedTkrs = signal<ReadonlySet<string>>(new Set());
  readonly file = signal<LoadedFile | undefined>(undefined);
  readonly base = signal<string | undefined>(undefined);
  readonly storage = signal<StatusStorage | undefined>(undefined);
  readonly access = signal<{ readonly path: AccessPath; readonly harbor: boolean } | undefined>(undefined);
  private readonly registryReach = inject(RegistryCheckState).reach;
  // A registry check run on this page tells how to reach the registry at once, before it is stored.
  private readonly followRegistryCheck = effect(
    () => {
      const reach = this.registryReach();
      if (reach) this.access.set(reach);
    },
    { allowSignalWrites: true },
  );
  readonly statusRead = signal(false);
  readonly rows = signal<readonly ResultRow[]>([]);
  readonly lastRecord = signal<DependencyCheckRecord | undefined>(undefined);
  readonly progress = signal<{ readonly done: number; readonly total: number } | undefined>(undefined);
  readonly isRunning = signal(false);
  readonly outcome = signal<CheckOutcome | undefined>(undefined);
  readonly elapsedSeconds = this.clock.seconds;
  readonly kept = signal<'kept' | 'notKept' | 'failed' | undefined>(undefined);
  readonly messageKey = dependencyMessageKey;

  readonly offeredTkrs = computed(() => {
    const release = this.releaseValue();
    return release ? supportedTkrs(release) : [];
  });
  readonly problems = computed(() => {
    const reading = this.file()?.reading;
    return reading?.kind === 'parsed' ? reading.problems : [];
  });
  readonly rejection = computed(() => {
    const reading = this.file()?.reading;
    return reading?.kind === 'rejected' ? reading : undefined;
  });
  readonly catalog = computed(() => {
    const release = this.releaseValue();
    const builtIn = release ? buildCatalog(release, [...this.selectedTkrs()]) : [];
    const file = this.file();
    return file ? mergeCatalog(builtIn, file.reading, this.mergeModeValue(), file.name) : builtIn;
  });
  readonly percent = computed(() => {
    const progress = this.progress();
    return progress && progress.total > 0 ? Math.round((progress.done * 100) / progress.total) : 0;
  });
  readonly canCheck = computed(
    () => this.isProvider && !this.isRunning() && this.base() !== undefined && this.access() !== undefined && this.catalog().length > 0,
  );
  readonly withoutDigest = computed(() => (this.isRunning() ? [] : rowsWithoutDigest(this.rows()).map((row) => row.id)));
  readonly hasFailures = computed(() =>
    this.rows().some((row) => row.status !== 'present' && imageToCheckOf(row) !== undefined && row.status !== 'skipped'),
  );

  ngOnInit(): void {
    this.release.valueChanges.pipe(untilDestroyed(this.destroyRef)).subscribe((release) => this.selectRelease(release ?? undefined));
    this.mergeMode.valueChanges.pipe(untilDestroyed(this.destroyRef)).subscribe((mode) => this.mergeModeValue.set(mode));
    this.statusStore
      .storage()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (storage) => {
          this.storage.set(storage);
          if (storage === 'ready') this.readStatus();
          else this.statusRead.set(true);
        },
        error: () => this.statusRead.set(true),
      });
  }

  ngOnChanges(): void {
    const validation = validateRegistryUrl(this.registryUrl);
    this.base.set(validation.valid ? validation.parsed.value : undefined);
    const preselection = preselectCseRelease(readConfiguredVersions(this.vcdKeConfig));
    this.preselection.set(preselection);
    if (this.release.value === null && preselection.release) {
      this.release.setValue(preselection.release, { emitEvent: false });
      this.selectRelease(preselection.release);
    }
  }

  private selectRelease(release: CseVersion | undefined): void {
    this.releaseValue.set(release);
    this.selectedTkrs.set(new Set(release ? supportedTkrs(release).map((tkr) => tkr.tkr) : []));
  }

  toggleTkr(tkr: string, on: boolean): void {
    const next = new Set(this.selectedTkrs());
    if (on) next.add(tkr);
    else next.delete(tkr);
    this.selectedTkrs.set(next);
  }

  async loadFile(files: FileList | null): Promise<void> {
    const chosen = files?.[0];
    if (!chosen) return;
    this.file.set({ name: chosen.name, reading: readDependencyFile(new Uint8Array(await chosen.arrayBuffer())) });
  }

  usePasted(): void {
    this.file.set({ name: 'dependencies.txt', reading: readDependencyFile(this.pasted.value) });
  }

  clearFile(): void {
    this.file.set(undefined);
  }

  /** Reads the access path and Harbor detection the registry check stored, and the last dependency check. */
  private readStatus(): void {
    this.statusStore
      .find(SYSTEM_STATUS_NAME)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (found) => {
          const status = found?.entity.entity;
          if (status?.accessPath) {
            this.access.set({ path: status.accessPath, harbor: status.lastRegistryCheck?.harborVersion !== undefined });
          }
          const record = readRecord(status?.lastDependencyCheck);
          if (record && this.rows().length === 0) {
            this.lastRecord.set(record);
            this.rows.set(rowsOf(record));
          }
          this.statusRead.set(true);
        },
        error: () => this.statusRead.set(true),
      });
  }

  check(): void {
    const base = this.base();
    if (!this.canCheck() || base === undefined) return;
    this.lastRecord.set(undefined);
    this.start(rowsForCatalog(this.catalog(), base), () => true);
  }

  /** Checks again only what is not present; the rest keeps its result. */
  recheckFailed(): void {
    if (this.isRunning() || this.access() === undefined) return;
    this.start(this.rows(), (row) => row.status !== 'present' && row.status !== 'skipped');
  }

  cancel(): void {
    this.cancel$.next();
  }

  private checkContext(): CheckContext | undefined {
    return checkContextFor(this.checkers, this.access(), this.base(), this.session.apiRootUrl);
  }

  /** Digests on demand (a row opened, or the exports asked for them): one HEAD per image. */
  lookUpDigests(ids: readonly string[]): void {
    const context = this.checkContext();
    if (!context || ids.length === 0 || this.isRunning()) return;
    lookUpDigests(context.checker, this.rows(), ids, { ...context.options, cancel: this.cancel$ })
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe((result) => this.rows.update((rows) => withDigest(rows, result)));
  }

  private start(rows: readonly ResultRow[], shouldCheck: (row: ResultRow) => boolean): void {
    const context = this.checkContext();
    if (!context) return;
    const images = imagesOf(rows, shouldCheck);
    this.rows.set(pendingRows(rows, images));
    this.running?.unsubscribe();
    this.cancel$ = new Subject<void>();
    this.kept.set(undefined);
    this.outcome.set(undefined);
    this.isRunning.set(true);
    this.progress.set({ done: 0, total: images.length });
    this.clock.start();
    this.running = checkRows(context.checker, rows, images, { ...context.options, cancel: this.cancel$ })
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (update) => this.onUpdate(update),
        // A checker that fails outright still ends the bar: what was answered stays, the rest is partial.
        error: () => this.finish('partial'),
        complete: () => this.finish(this.outcome() ?? 'partial'),
      });
  }

  private onUpdate(update: RowCheckUpdate): void {
    this.rows.set(update.rows);
    this.progress.set({ done: update.done, total: update.total });
    if (update.outcome) this.finish(update.outcome);
  }

  private finish(outcome: CheckOutcome): void {
    if (!this.isRunning()) return;
    this.isRunning.set(false);
    this.outcome.set(outcome);
    this.clock.stop();
    this.keep(outcome);
  }

  private keep(outcome: CheckOutcome): void {
    const base = this.base();
    if (base === undefined) return;
    const release = this.releaseValue();
    const fileName = this.file()?.name;
    const record = toRecord(
      {
        checkedAt: new Date().toISOString(),
        base,
        tkrs: [...this.selectedTkrs()],
        outcome,
        elapsedMs: this.clock.elapsedMs,
        ...(release ? { release } : {}),
        ...(fileName ? { fileName } : {}),
      },
      this.rows(),
    );
    if (this.storage() !== 'ready') {
      this.kept.set('notKept');
      return;
    }
    const initial: RegistryStatus = { scope: 'system' };
    this.statusStore
      .update(SYSTEM_STATUS_NAME, initial, (current) => ({ ...current, lastDependencyCheck: { ...record } }))
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({ next: () => this.kept.set('kept'), error: () => this.kept.set('failed') });
  }
}
