/*
 * The plug-in's page: Container Registry Settings and Airgap side by side, both starting from
 * CSE's current configuration. Loading, missing, ambiguous and failed states are all explicit.
 */
import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, Input, OnInit, ViewChild, computed, inject, signal } from '@angular/core';
import { ClrAlertModule, ClrSpinnerModule, ClrTabLink, ClrTabsModule } from '@clr/angular';
import { I18nModule } from './shared/i18n';
import { catchError, forkJoin, map, of } from 'rxjs';
import { CertificatesSectionComponent } from './certificates';
import { ClustersTabComponent } from './clusters';
import { FindingFix } from './clusters/domain';
import { CseConfigSummaryComponent } from './cse-config-summary.component';
import { DependenciesSectionComponent } from './dependencies';
import { RegistryCheckComponent, RegistrySettingsComponent } from './registry';
import { OrganizationsTabComponent } from './organizations';
import { ReadinessSection } from './readiness/domain';
import { SystemReadinessComponent } from './readiness';
import { CseConfigDocument, CseConfigLookup, CseConfigRepository, WriteAccess, writeAccess } from './shared/cse-config';
import { untilDestroyed } from './shared/rx';
import { VcdErrorAlertComponent } from './shared/ui';
import { SessionRights, VCD_SESSION, VcdError, toVcdError } from './vcd';

interface Loaded {
  readonly lookup: CseConfigLookup;
  readonly document?: CseConfigDocument;
  readonly rights?: ReadonlySet<string>;
}

export type AirgapTab = 'registrySettings' | 'airgap' | 'organizations' | 'clusters';

type PageState =
  | { readonly status: 'loading' }
  | ({ readonly status: 'loaded' } & Loaded)
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
    RegistrySettingsComponent,
    RegistryCheckComponent,
    CertificatesSectionComponent,
    DependenciesSectionComponent,
    OrganizationsTabComponent,
    ClustersTabComponent,
    SystemReadinessComponent,
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
  /** The tab open first (the Organizations tab has its own address). */
  @Input() initialTab: AirgapTab = 'registrySettings';
  private readonly repository = inject(CseConfigRepository);
  private readonly rights = inject(SessionRights);
  private readonly destroyRef = inject(DestroyRef);
  private readonly session = inject(VCD_SESSION);
  private readonly page = inject(DOCUMENT);
  @ViewChild('registrySettingsTab', { read: ClrTabLink }) private registrySettingsTab?: ClrTabLink;
  @ViewChild('airgapTab', { read: ClrTabLink }) private airgapTab?: ClrTabLink;
  readonly isTenant = this.session.scope === 'tenant';
  readonly state = signal<PageState>({ status: 'loading' });
  readonly error = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? state.error : undefined;
  });
  readonly loaded = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? state : undefined;
  });
  readonly lookup = computed(() => this.loaded()?.lookup);
  readonly document = computed(() => this.loaded()?.document);
  readonly access = computed((): WriteAccess | undefined => {
    const loaded = this.loaded();
    return loaded ? writeAccess(this.session.scope, loaded.rights, loaded.lookup) : undefined;
  });

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.state.set({ status: 'loading' });
    // Rights only decide what is enabled: failing to read them must not hide the settings.
    const rights = this.isTenant ? of(undefined) : this.rights.names$.pipe(catchError(() => of(undefined)));
    forkJoin([this.repository.lookupAndRead(), rights])
      .pipe(
        map(([found, names]): PageState => ({ status: 'loaded', ...found, ...(names ? { rights: names } : {}) })),
        untilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (state) => this.state.set(state),
        error: (error: unknown) => this.state.set({ status: 'failed', error: toVcdError(error) }),
      });
  }

  /** A readiness line's link: the Container Registry Settings tab, or a section of this tab. */
  openSection(section: ReadinessSection): void {
    if (section === 'settings') {
      this.registrySettingsTab?.activate();
      return;
    }
    this.page.getElementById(`cse-section-${section}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  /** A cluster finding's fix: the Airgap tab, at the section that checks or fixes it (once it is shown). */
  openFix(fix: FindingFix): void {
    this.airgapTab?.activate();
    if (fix !== 'proxy') setTimeout(() => this.openSection(fix));
  }

  onSaved(document: CseConfigDocument): void {
    const loaded = this.loaded();
    if (!loaded) return;
    this.state.set({ ...loaded, document, lookup: { kind: 'found', entityId: document.entity.id, settings: document.settings } });
  }
}
