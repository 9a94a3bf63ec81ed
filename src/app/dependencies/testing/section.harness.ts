/* The dependencies section on its own, as its specs open it: a provider session, a fake checker, a status entity in memory. */
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { of, throwError } from 'rxjs';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { RegistryStatus } from '../../shared/status-store/domain/registry-status';
import { RegistryStatusRepository } from '../../shared/status-store/data/registry-status.repository';
import { BrowserSettingsStore } from '../../shared/browser-settings';
import { provideBrowserStorage } from '../../shared/browser-settings/testing/memory-storage';
import { RegistryCheckState } from '../../shared/session-state';
import { VCD_SESSION } from '../../vcd';
import { PROVIDER_SESSION } from '../../vcd/testing/vcd-testing';
import { PresenceCheckers } from '../data/presence-checkers';
import { SourceRegistrySetting } from '../data/source-registry.setting';
import { DependenciesSectionComponent } from '../ui/dependencies-section.component';
import { FakeChecker } from './fake-presence-checker';
import { SectionPage } from './section.widget';

export const FILE = [
  'registry.k8s.io sig-storage/csi-attacher v3.2.1',
  'registry.k8s.io sig-storage/csi-resizer v1.4.0',
  'projects.registry.vmware.com tkg/etcd v3.5.10_vmware.1',
  'projects.registry.vmware.com tkg/pause 3.9',
  'bad line with $(rm -rf)',
].join('\n');

export const STATUS: RegistryStatus = {
  scope: 'system',
  accessPath: { kind: 'extApi', prefix: 'cseairgap-harbor-corp-local' },
  lastRegistryCheck: {
    base: 'harbor.corp.local/cse',
    accessPath: { kind: 'extApi', prefix: 'cseairgap-harbor-corp-local' },
    checkedAt: '2026-01-01T00:00:00Z',
    timeoutSeconds: 10,
    steps: [],
    chain: [],
    harborVersion: 'v2.10.0',
    verdict: 'passed',
  },
};

export interface SectionOptions {
  readonly status?: RegistryStatus;
  /** `timeOut`: the first write to the status entity times out. */
  readonly writes?: 'succeed' | 'timeOut';
  readonly isProvider?: boolean;
  /** What the storage probe answers, one per call ('ready' once they are used up). */
  readonly storage?: ('ready' | 'notSetUp')[];
}

export interface OpenSection {
  readonly fixture: ComponentFixture<DependenciesSectionComponent>;
  readonly page: SectionPage;
  readonly checker: FakeChecker;
  /** Every status entity written, in order. */
  readonly stored: RegistryStatus[];
  /** The strategy of every checker asked for. */
  readonly strategies: string[];
}

export async function openSection(options: SectionOptions = {}): Promise<OpenSection> {
  const { writes = 'succeed', isProvider = true, storage = [] } = options;
  const status = 'status' in options ? options.status : STATUS;
  const checker = new FakeChecker();
  const stored: RegistryStatus[] = [];
  const strategies: string[] = [];
  let failing = writes === 'timeOut';
  const repository: Partial<RegistryStatusRepository> = {
    storage: () => of(storage.shift() ?? ('ready' as const)),
    find: () => of(status ? { entity: { id: 'urn:e', name: 'system', entityType: 't', entity: status }, etag: '"1"' } : undefined),
    update: (_name, initial, change) => {
      if (failing) {
        failing = false;
        return throwError(() => ({ kind: 'timeout', status: 0, seconds: 30 }));
      }
      const next = change(status ?? initial);
      stored.push(next);
      return of(next);
    },
  };
  TestBed.configureTestingModule({
    imports: [DependenciesSectionComponent],
    providers: [
      provideNoopAnimations(),
      { provide: VCD_SESSION, useValue: PROVIDER_SESSION },
      { provide: RegistryStatusRepository, useValue: repository },
      { provide: PresenceCheckers, useValue: { forStrategy: (strategy: string) => (strategies.push(strategy), checker) } },
      { provide: TranslationService, useClass: MockTranslationService },
      RegistryCheckState,
      BrowserSettingsStore,
      SourceRegistrySetting,
      provideBrowserStorage(),
    ],
  });
  const fixture = TestBed.createComponent(DependenciesSectionComponent);
  const page = new SectionPage(fixture);
  fixture.componentRef.setInput('vcdKeConfig', {
    profiles: [
      {
        bootstrapClusterConfig: { capiEcosystem: { infraProvider: { version: 'v1.3.0' } } },
        K8Config: { cpi: { version: '1.6.0' }, rdeProjectorVersion: '0.7.0' },
      },
    ],
  });
  fixture.componentRef.setInput('registryUrl', 'harbor.corp.local/cse');
  fixture.componentRef.setInput('isProvider', isProvider);
  await page.settle();
  return { fixture, page, checker, stored, strategies };
}
