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
  OnChanges,
  OnInit,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ClrAlertModule, ClrFormsModule, ClrProgressBarModule } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { Observable, Subject, Subscription } from 'rxjs';
import { AccessPath, ParsedRegistryUrl, validateRegistryUrl } from '../../registry/domain';
import { untilDestroyed } from '../../shared/rx';
import { StatusStorage } from '../../shared/status-store';
import { DependencyCheckRunner, DependencyCheckUpdate } from '../data/dependency-check-runner';
import { SystemCheckStore } from '../data/system-check-store';
import {
  CSE_VERSIONS,
  CseVersion,
  CseVersionPreselection,
  DependencyCheckRecord,
  ResultRow,
  buildCatalog,
  dependencyMessageKey,
  imageToCheckOf,
  mergeCatalog,
  preselectCseRelease,
  readConfiguredVersions,
  rowsForCatalog,
  rowsOf,
  rowsWithoutDigest,
  supportedTkrs,
  withAnswer,
} from '../domain';
import { CheckNoticeComponent } from './check-notice.component';
import { DependencyFixesComponent } from './dependency-fixes.component';
import { DependencyResultsComponent } from './dependency-results.component';
import { SourceRegistryComponent } from './source-registry.component';
import { OwnDependencyFile } from './own-dependency-file';
import { ElapsedClock } from './elapsed-clock';
import { Redraw } from './redraw';
import { RegistryCheckState } from '../../shared/session-state';

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
    SourceRegistryComponent,
    CheckNoticeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Stateless: one per section, so the section's spec drives the real runner with a fake checker.
  providers: [DependencyCheckRunner, SystemCheckStore],
  templateUrl: './dependencies-section.component.html',
  styleUrl: './dependencies-section.component.css',
})
export class DependenciesSectionComponent implements OnInit, OnChanges {
  /** The VCDKEConfig entity (or its body): the installed versions preselect the release. */
  @Input({ required: true }) vcdKeConfig!: unknown;
  @Input({ required: true }) registryUrl!: string;
  @Input({ required: true }) isProvider!: boolean;

  private readonly runner = inject(DependencyCheckRunner);
  private readonly systemStore = inject(SystemCheckStore);
  private readonly destroyRef = inject(DestroyRef);
  private cancel$ = new Subject<void>();
  private running?: Subscription;
  private readonly clock = new ElapsedClock();
  /** The progress moves at every update; the table is redrawn less often while a check runs (redraw.ts). */
  private readonly tableRows = new Redraw<readonly ResultRow[]>((rows) => this.rows.set(rows));

  readonly releases = CSE_VERSIONS;
  readonly release = new FormControl<CseVersion | null>(null);
  readonly releaseValue = signal<CseVersion | undefined>(undefined);
  readonly preselection = signal<CseVersionPreselection | undefined>(undefined);
  readonly selectedTkrs = signal<ReadonlySet<string>>(new Set());
  /** The provider's own dependencies.txt, if any. */
  readonly own = new OwnDependencyFile(this.destroyRef);
  readonly base = signal<ParsedRegistryUrl | undefined>(undefined);
  readonly storage = signal<StatusStorage | undefined>(undefined);
  readonly access = signal<{ readonly path: AccessPath; readonly harbor: boolean } | undefined>(undefined);
  private readonly registryReach = inject(RegistryCheckState).reach;
  // A registry check run on this page tells how to reach the registry at once, before it is stored;
  // the storage may have been set up just before it, so ask again whether results can be kept.
  private readonly followRegistryCheck = effect(
    () => {
      const reach = this.registryReach();
      if (!reach) return;
      this.access.set(reach);
      if (untracked(this.storage) !== 'ready') untracked(() => this.readStorage(false));
    },
    { allowSignalWrites: true },
  );
  readonly statusRead = signal(false);
  readonly rows = signal<readonly ResultRow[]>([]);
  /** The record the rows on the page come from, when they were read from VCD. */
  readonly lastRecord = signal<DependencyCheckRecord | undefined>(undefined);
  /** The last complete result kept in VCD: a check that is not whole leaves it in place. */
  readonly storedRecord = signal<DependencyCheckRecord | undefined>(undefined);
  /** The last update of the check run on this page. */
  readonly run = signal<DependencyCheckUpdate | undefined>(undefined);
  readonly isRunning = computed(() => this.run() !== undefined && this.run()?.ending === undefined);
  readonly elapsedSeconds = this.clock.seconds;
  readonly messageKey = dependencyMessageKey;

  readonly offeredTkrs = computed(() => {
    const release = this.releaseValue();
    return release ? supportedTkrs(release) : [];
  });
  readonly catalog = computed(() => {
    const release = this.releaseValue();
    const builtIn = release ? buildCatalog(release, [...this.selectedTkrs()]) : [];
    const file = this.own.file();
    return file ? mergeCatalog(builtIn, file.reading, this.own.mode(), file.name) : builtIn;
  });
  readonly percent = computed(() => {
    const progress = this.run();
    return progress && progress.total > 0 ? Math.round((progress.done * 100) / progress.total) : 0;
  });
  readonly canCheck = computed(
    () => this.isProvider && !this.isRunning() && this.base() !== undefined && this.access() !== undefined && this.catalog().length > 0,
  );
  /**
   * Before any result (no check on this page, none kept in VCD), the provider sees the images Check
   * will ask for, not checked yet. The table is then already drawn when Check is clicked, so the
   * first requests' answers are not held up behind its first drawing.
   */
  readonly isPreview = computed(() => this.isProvider && this.rows().length === 0 && this.run() === undefined);
  readonly shownRows = computed(() => {
    const base = this.base();
    if (!this.isPreview()) return this.rows();
    return base === undefined ? [] : rowsForCatalog(this.catalog(), base.value);
  });
  /** Present rows a tag list told, without their digest: the exports can have them on request. */
  readonly withoutDigest = computed(() => rowsWithoutDigest(this.rows()).map((row) => row.id));
  readonly hasFailures = computed(() =>
    this.rows().some((row) => row.status !== 'present' && imageToCheckOf(row) !== undefined && row.status !== 'skipped'),
  );

  constructor() {
    this.destroyRef.onDestroy(() => this.tableRows.cancel());
  }

  ngOnInit(): void {
    this.release.valueChanges.pipe(untilDestroyed(this.destroyRef)).subscribe((release) => this.selectRelease(release ?? undefined));
    this.readStorage(true);
  }

  private readStorage(andStatus: boolean): void {
    this.systemStore
      .storage()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (storage) => {
          this.storage.set(storage);
          if (storage === 'ready' && andStatus) this.readStatus();
          else this.statusRead.set(true);
        },
        error: () => this.statusRead.set(true),
      });
  }

  ngOnChanges(): void {
    const validation = validateRegistryUrl(this.registryUrl);
    this.base.set(validation.valid ? validation.parsed : undefined);
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
    next[on ? 'add' : 'delete'](tkr);
    this.selectedTkrs.set(next);
  }

  /** Reads the access path and Harbor detection the registry check stored, and the last dependency check. */
  private readStatus(): void {
    this.systemStore
      .read()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ access, record }) => {
          if (access) this.access.set(access);
          if (record) this.storedRecord.set(record);
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
    this.start(rowsForCatalog(this.catalog(), base.value), () => true);
  }

  /** Checks again only what is not present; the rest keeps its result. */
  recheckFailed(): void {
    if (this.isRunning() || this.access() === undefined) return;
    this.start(this.rows(), (row) => row.status !== 'present' && row.status !== 'skipped');
  }

  cancel(): void {
    this.cancel$.next();
  }

  /** Digests on demand (a row opened, or the exports asked for them): one HEAD per image. */
  lookUpDigests(ids: readonly string[]): void {
    const [access, registry] = [this.access(), this.base()];
    if (!access || registry === undefined || ids.length === 0 || this.isRunning()) return;
    const request = { rows: this.rows(), ids, registry, access: access.path, harbor: access.harbor, cancel: this.cancel$ };
    const results = this.runner.lookUpDigests(request).pipe(untilDestroyed(this.destroyRef));
    results.subscribe((result) => this.rows.update((rows) => withAnswer(rows, result)));
  }

  /** Keeps again a whole result that VCD refused or did not answer for. */
  retryKeep(): void {
    const run = this.run();
    if (!run) return;
    this.follow(this.runner.keepAgain(run, this.systemStore.keepTarget(this.storage())));
  }

  private start(rows: readonly ResultRow[], shouldCheck: (row: ResultRow) => boolean): void {
    const access = this.access();
    const base = this.base();
    if (!access || base === undefined) return;
    this.cancel$ = new Subject<void>();
    this.clock.start();
    const release = this.releaseValue();
    const fileName = this.own.file()?.name;
    this.follow(
      this.runner.run({
        rows,
        shouldCheck,
        registry: base,
        access: access.path,
        harbor: access.harbor,
        context: { tkrs: [...this.selectedTkrs()], ...(release ? { release } : {}), ...(fileName ? { fileName } : {}) },
        cancel: this.cancel$,
        keep: this.systemStore.keepTarget(this.storage()),
      }),
    );
  }

  private follow(updates: Observable<DependencyCheckUpdate>): void {
    this.running?.unsubscribe();
    this.running = updates.pipe(untilDestroyed(this.destroyRef)).subscribe((update) => {
      this.run.set(update);
      this.tableRows.offer(update.rows, update.ending !== undefined);
      if (update.ending) this.clock.stop();
      if (update.keeping === 'kept') this.storedRecord.set(update.record);
    });
  }
}
