/*
 * Airgap tab → Certificates: read what the provider brings, say what each certificate is, prove
 * whether the two resulting CA lists make the registry trusted, and save both lists safely.
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
} from '@angular/core';
import { ClrAlertModule } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { CseConfigDocument, CseConfigRepository, BOOTSTRAP_CAS_PATH, NODE_CAS_PATH, WriteAccess } from '../../shared/cse-config';
import { ConflictPanelComponent, SafeSave, VcdErrorAlertComponent } from '../../shared/ui';
import { Addition, CA_TARGETS, CaTarget, TargetPlan, hasChanges, planTarget } from '../domain/ca-targets';
import {
  ClassifiedCertificate,
  InputRejection,
  TrustProof,
  classifyCertificates,
  proveTrust,
  readCertificateInput,
  servedCaCertificates,
} from '../domain';
import { CandidateListComponent } from './candidate-list.component';
import { HarborCaComponent } from './harbor-ca.component';
import { CertificateInputComponent, RawInput } from './certificate-input.component';
import { StoredListComponent, StoredView, describeStored } from './stored-list.component';
import { TrustProofComponent } from './trust-proof.component';
import { RegistryCheckState } from '../../shared/session-state';

interface Rejection {
  readonly source?: string;
  readonly rejection: InputRejection;
}

type Lists = Readonly<Record<CaTarget, readonly string[]>>;

/** Distinct rejections listed at most; the rest is one line with its count (a hostile input must not fill the page). */
export const MAX_LISTED_REJECTIONS = 20;

@Component({
  selector: 'cse-certificates-section',
  standalone: true,
  imports: [
    ClrAlertModule,
    I18nModule,
    CertificateInputComponent,
    CandidateListComponent,
    HarborCaComponent,
    StoredListComponent,
    TrustProofComponent,
    ConflictPanelComponent,
    VcdErrorAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './certificates-section.component.html',
  styleUrl: './certificates-section.component.css',
})
export class CertificatesSectionComponent implements OnChanges {
  @Input({ required: true }) document!: CseConfigDocument;
  @Input({ required: true }) access!: WriteAccess;
  @Output() readonly saved = new EventEmitter<CseConfigDocument>();

  private readonly repository = inject(CseConfigRepository);
  private readonly destroyRef = inject(DestroyRef);
  readonly servedChain = inject(RegistryCheckState).chain;

  /** Accepted inputs, normalised PEM, in arrival order (duplicates merged by classification). */
  private readonly inputPems = signal<readonly string[]>([]);
  readonly candidates = signal<readonly ClassifiedCertificate[]>([]);
  readonly rejections = signal<readonly Rejection[]>([]);
  /** Private keys have their own alert. */
  private readonly listable = computed(() => this.rejections().filter((item) => item.rejection.code !== 'privateKey'));
  readonly shownRejections = computed(() => this.listable().slice(0, MAX_LISTED_REJECTIONS));
  readonly unlistedRejections = computed(() =>
    this.listable()
      .slice(MAX_LISTED_REJECTIONS)
      .reduce((sum, item) => sum + (item.rejection.count ?? 1), 0),
  );
  readonly privateKeyRefused = signal(false);
  readonly reading = signal(false);
  /** Targets the provider switched off, per certificate fingerprint. */
  readonly optedOut = signal<ReadonlyMap<string, ReadonlySet<CaTarget>>>(new Map());
  readonly stored = signal<Readonly<Record<CaTarget, readonly StoredView[]>>>({ bootstrap: [], nodes: [] });
  readonly removed = signal<Readonly<Record<CaTarget, ReadonlySet<number>>>>({ bootstrap: new Set(), nodes: new Set() });
  readonly proofs = signal<Partial<Record<CaTarget, TrustProof>>>({});
  readonly saveState = new SafeSave(this.destroyRef, [BOOTSTRAP_CAS_PATH, NODE_CAS_PATH]);
  readonly saving = this.saveState.saving;
  readonly justSaved = this.saveState.justSaved;
  readonly error = this.saveState.error;
  readonly conflict = this.saveState.conflict;
  readonly targets = CA_TARGETS;

  readonly additions = computed((): Addition[] =>
    this.candidates().map((candidate) => ({
      pem: candidate.summary.pem,
      fingerprint: candidate.summary.sha256Fingerprint,
      targets: this.targetsOf(candidate),
    })),
  );
  readonly plans = computed((): Record<CaTarget, TargetPlan> => {
    const removed = this.removed();
    const stored = this.stored();
    return {
      bootstrap: planTarget('bootstrap', stored.bootstrap, removed.bootstrap, this.additions()),
      nodes: planTarget('nodes', stored.nodes, removed.nodes, this.additions()),
    };
  });
  readonly subjects = computed(() => new Map(this.candidates().map((candidate) => [candidate.summary.pem, candidate.summary.subject])));
  readonly selections = computed(
    () => new Map(this.candidates().map((candidate) => [candidate.summary.sha256Fingerprint, this.targetsOf(candidate)])),
  );
  readonly hasChanges = computed(() => hasChanges(this.plans().bootstrap) || hasChanges(this.plans().nodes));
  readonly servedCas = computed(() => {
    const chain = this.servedChain();
    if (!chain) return [];
    const known = new Set(this.inputPems());
    return servedCaCertificates(chain.pems).filter((pem) => !known.has(pem));
  });

  constructor() {
    // Prove again whenever the lists or the served chain change.
    effect(
      () => {
        const chain = this.servedChain();
        const plans = this.plans();
        if (!chain) {
          this.proofs.set({});
          return;
        }
        const now = new Date();
        void Promise.all(CA_TARGETS.map((target) => proveTrust(chain.pems, plans[target].result, chain.host, now))).then(
          ([bootstrap, nodes]) => this.proofs.set({ ...(bootstrap ? { bootstrap } : {}), ...(nodes ? { nodes } : {}) }),
        );
      },
      { allowSignalWrites: true },
    );
  }

  async ngOnChanges(): Promise<void> {
    const settings = this.document.settings;
    const now = new Date();
    const [bootstrap, nodes] = await Promise.all([
      describeStored(settings.bootstrapCertificates, now),
      describeStored(settings.nodeCertificates, now),
    ]);
    this.stored.set({ bootstrap, nodes });
    this.removed.set({ bootstrap: new Set(), nodes: new Set() });
  }

  targetsOf(candidate: ClassifiedCertificate): ReadonlySet<CaTarget> {
    if (!candidate.isUsable) return new Set();
    const off = this.optedOut().get(candidate.summary.sha256Fingerprint) ?? new Set<CaTarget>();
    return new Set(CA_TARGETS.filter((target) => !off.has(target)));
  }

  toggleTarget(change: { fingerprint: string; target: CaTarget; on: boolean }): void {
    const next = new Map(this.optedOut());
    const off = new Set(next.get(change.fingerprint) ?? []);
    if (change.on) off.delete(change.target);
    else off.add(change.target);
    next.set(change.fingerprint, off);
    this.optedOut.set(next);
  }

  toggleRemoved(change: { target: CaTarget; index: number; removed: boolean }): void {
    const next = { ...this.removed() };
    const set = new Set(next[change.target]);
    if (change.removed) set.add(change.index);
    else set.delete(change.index);
    next[change.target] = set;
    this.removed.set(next);
  }

  /** Marks every flagged stored entry (not a CA, expired, duplicate, unreadable) for removal. */
  cleanUp(): void {
    const stored = this.stored();
    const flagged = (views: readonly StoredView[]): Set<number> =>
      new Set(views.flatMap((view, index) => (view.problems.length > 0 ? [index] : [])));
    this.removed.set({ bootstrap: flagged(stored.bootstrap), nodes: flagged(stored.nodes) });
  }

  hasFlagged(): boolean {
    const stored = this.stored();
    return [...stored.bootstrap, ...stored.nodes].some((view) => view.problems.length > 0);
  }

  async read(inputs: readonly RawInput[]): Promise<void> {
    this.reading.set(true);
    this.justSaved.set(false);
    const rejections: Rejection[] = [];
    const pems: string[] = [];
    for (const input of inputs) {
      if ('tooLarge' in input) {
        rejections.push({ source: input.name, rejection: { code: 'tooLarge', params: { size: input.size, max: 1_048_576 } } });
        continue;
      }
      const reading = await readCertificateInput(input);
      if (reading.containedPrivateKey) this.privateKeyRefused.set(true);
      rejections.push(...reading.rejections.map((rejection) => ({ ...('name' in input ? { source: input.name } : {}), rejection })));
      pems.push(...reading.certificates.map((certificate) => certificate.pem));
    }
    this.rejections.set(rejections);
    await this.addPems(pems);
    this.reading.set(false);
  }

  /** One click: the CA certificates the registry itself serves, still subject to their verdicts. */
  async addServedCas(): Promise<void> {
    await this.addPems(this.servedCas());
  }

  private async addPems(pems: readonly string[]): Promise<void> {
    const all = [...this.inputPems(), ...pems];
    this.inputPems.set(all);
    this.candidates.set(await classifyCertificates(all, new Date()));
  }

  clearInputs(): void {
    this.inputPems.set([]);
    this.candidates.set([]);
    this.rejections.set([]);
    this.privateKeyRefused.set(false);
    this.optedOut.set(new Map());
  }

  canSave(): boolean {
    return this.access.canWrite && this.hasChanges() && !this.saving() && !this.conflict();
  }

  save(base: CseConfigDocument = this.document): void {
    if (!this.access.canWrite) return;
    const plans = this.plans();
    const lists: Lists = { bootstrap: plans.bootstrap.result, nodes: plans.nodes.result };
    this.saveState.run(this.repository.saveCertificateAuthorities(base, lists), (document) => {
      this.clearInputs();
      this.saved.emit(document);
    });
  }

  /**
   * Re-apply on top of the other writer's version: their lists become the stored lists, and the
   * user's additions and removals (by certificate) apply to them.
   */
  async reapply(): Promise<void> {
    const removedPems = new Set(CA_TARGETS.flatMap((target) => this.plans()[target].removed));
    const conflict = this.saveState.takeConflict();
    if (!conflict) return;
    this.document = conflict.latest;
    await this.ngOnChanges();
    const stored = this.stored();
    const removedIn = (views: readonly StoredView[]): Set<number> =>
      new Set(views.flatMap((view, index) => (removedPems.has(view.pem) ? [index] : [])));
    this.removed.set({ bootstrap: removedIn(stored.bootstrap), nodes: removedIn(stored.nodes) });
    this.save(conflict.latest);
  }

  discard(): void {
    const conflict = this.saveState.takeConflict();
    if (!conflict) return;
    this.clearInputs();
    this.saved.emit(conflict.latest);
  }
}
