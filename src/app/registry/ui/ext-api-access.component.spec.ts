import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { Observable, of, throwError } from 'rxjs';
import { AccessChangeError, ExternalEndpointService } from '../data/external-endpoint.service';
import { HostUsage, HostUsers } from '../data/host-users';
import { AccessPath } from '../domain/access-path';
import { AccessState, EndpointRecord } from '../domain/access-state';
import { externalEndpointPlan } from '../domain/endpoint-plan';
import { ExtApiAccessComponent } from './ext-api-access.component';

const PLAN = externalEndpointPlan('harbor.corp.local', 8443);
const ENDPOINT: EndpointRecord = {
  id: 'urn:vcloud:extensionEndpoint:cseairgap:x:1.0.0',
  name: PLAN.endpoint.name,
  vendor: 'cseairgap',
  version: '1.0.0',
  enabled: true,
  authorizationEnabled: false,
  rootUrl: PLAN.endpoint.rootUrl,
};
const LEGACY = {
  endpoint: { ...ENDPOINT, name: PLAN.legacy.endpointName },
  prefix: PLAN.legacy.prefix,
  broadFilterId: 'old',
  otherPatterns: [],
};

/** What VCD holds, scripted by each spec; every change the component asks for is recorded. */
class FakeEndpoints {
  current: AccessState = { kind: 'absent' };
  next?: AccessState;
  failure?: AccessChangeError;
  readonly changes: string[] = [];
  state(): Observable<AccessState> {
    return of(this.current);
  }
  apply(): Observable<AccessState> {
    return this.change('apply');
  }
  migrate(): Observable<AccessState> {
    return this.change('migrate');
  }
  remove(): Observable<AccessState> {
    return this.change('remove');
  }
  private change(name: string): Observable<AccessState> {
    this.changes.push(name);
    const failure = this.failure;
    if (failure) {
      this.failure = undefined;
      return throwError(() => failure);
    }
    this.current = this.next ?? this.current;
    return of(this.current);
  }
}

/** Finds and acts on the access panel as a user does; the specs assert. */
class AccessPanel {
  constructor(private readonly fixture: ComponentFixture<ExtApiAccessComponent>) {}
  private get root(): HTMLElement {
    return this.fixture.nativeElement as HTMLElement;
  }
  find(test: string): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`[data-test="${test}"]`);
  }
  text(test: string): string {
    return this.find(test)?.textContent ?? '';
  }
  state(): string | null {
    return this.find('ext-api-setup')?.getAttribute('data-state') ?? null;
  }
  click(test: string): void {
    const button = this.find(test);
    if (!(button instanceof HTMLButtonElement)) throw new Error(`no button ${test}`);
    button.click();
    this.fixture.detectChanges();
  }
  patterns(): string[] {
    return [...this.root.querySelectorAll('[data-test="ext-api-plan"] .pattern')].map((element) => element.textContent ?? '');
  }
}

describe('ExtApiAccessComponent', () => {
  let endpoints: FakeEndpoints;
  let usage: HostUsage;
  let panel: AccessPanel;
  let emitted: AccessPath[];

  function open(state: AccessState, inputs: Partial<Pick<ExtApiAccessComponent, 'removable' | 'isSystemRegistry'>> = {}): void {
    endpoints.current = state;
    const fixture = TestBed.createComponent(ExtApiAccessComponent);
    fixture.componentRef.setInput('plan', PLAN);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.componentInstance.accessChange.subscribe((path) => emitted.push(path));
    fixture.detectChanges();
    panel = new AccessPanel(fixture);
  }

  beforeEach(() => {
    endpoints = new FakeEndpoints();
    usage = { orgNames: ['acme', 'globex'], isTruncated: false };
    emitted = [];
    TestBed.configureTestingModule({
      imports: [ExtApiAccessComponent],
      providers: [
        { provide: ExternalEndpointService, useValue: endpoints },
        { provide: HostUsers, useValue: { organizationsUsing: () => of(usage) } },
        { provide: TranslationService, useClass: MockTranslationService },
      ],
    });
  });

  describe('when nothing is set up', () => {
    beforeEach(() => open({ kind: 'absent' }));

    it('lists every pattern it will create, and says who can call them and what the registry exposes', () => {
      expect(panel.patterns()).toEqual(PLAN.filters.map((filter) => filter.urlPattern));
      const exposure = panel.text('ext-api-exposure');
      for (const key of ['who', 'what', 'exposed']) expect(exposure).toContain(`registry.access.exposure.${key}`);
      expect(panel.text('ext-api-plan-endpoint')).toContain('registry.access.planEndpoint');
    });

    it('creates on one click and shows it ready', () => {
      endpoints.next = { kind: 'ready', endpoint: ENDPOINT, foreignPatterns: [] };
      panel.click('ext-api-create');
      expect(endpoints.changes).toEqual(['apply']);
      expect(panel.state()).toBe('ready');
      expect(emitted.at(-1)).toEqual({ kind: 'extApi', prefix: PLAN.prefix });
    });

    it('names the step that failed and retries the same change', () => {
      endpoints.failure = { kind: 'stepFailed', step: 'createFilter', cause: { kind: 'server', status: 500, detail: 'boom' } };
      panel.click('ext-api-create');
      expect(panel.text('ext-api-change-error')).toContain('registry.access.step.createFilter');
      endpoints.next = { kind: 'ready', endpoint: ENDPOINT, foreignPatterns: [] };
      panel.click('ext-api-retry');
      expect(endpoints.changes).toEqual(['apply', 'apply']);
      expect(panel.find('ext-api-change-error')).toBeNull();
    });
  });

  describe('when removing access', () => {
    it('asks first, naming the system registry and the organizations on that host', () => {
      open({ kind: 'ready', endpoint: ENDPOINT, foreignPatterns: [] }, { isSystemRegistry: true });
      panel.click('ext-api-remove');
      expect(endpoints.changes).toEqual([]);
      expect(panel.find('ext-api-confirm-system')).not.toBeNull();
      expect(panel.text('ext-api-confirm-orgs')).toContain('"names":"acme, globex"');
      endpoints.next = { kind: 'absent' };
      panel.click('ext-api-confirm');
      expect(endpoints.changes).toEqual(['remove']);
    });

    it('offers no removal where it is not wanted (a quick assignment)', () => {
      open({ kind: 'ready', endpoint: ENDPOINT, foreignPatterns: [] }, { removable: false });
      expect(panel.find('ext-api-remove')).toBeNull();
    });

    it('shows a half-done removal as "disabled, removal incomplete", with a retry', () => {
      open({ kind: 'removalIncomplete', endpoint: { ...ENDPOINT, enabled: false }, remainingPatterns: [] });
      expect(panel.text('ext-api-removal-incomplete')).toContain('registry.access.removalIncompleteLabel');
      endpoints.next = { kind: 'absent' };
      panel.click('ext-api-retry-removal');
      expect(endpoints.changes).toEqual(['remove']);
    });
  });

  it('stops, naming the registry that owns an endpoint of our name, and offers nothing to click', () => {
    open({ kind: 'ownedByOther', endpoint: { ...ENDPOINT, rootUrl: 'https://harbor.corp.local-8443' } });
    expect(panel.text('ext-api-owned-by-other')).toContain('https://harbor.corp.local-8443');
    expect(panel.find('ext-api-create')).toBeNull();
  });

  describe('when 0.1.0 left its broad filter', () => {
    beforeEach(() => open({ kind: 'absent', legacy: LEGACY }));

    it('says what the broad filter exposes, and the checks keep using it', () => {
      expect(panel.text('ext-api-legacy')).toContain('registry.access.legacy.broad');
      expect(panel.text('ext-api-legacy')).toContain(PLAN.legacy.filterPattern);
      expect(emitted.at(-1)).toEqual({ kind: 'extApi', prefix: PLAN.legacy.prefix });
    });

    it('migrates only once confirmed', () => {
      panel.click('ext-api-migrate');
      expect(endpoints.changes).toEqual([]);
      expect(panel.text('ext-api-confirm-migrate')).toContain('registry.access.legacy.migrateConfirm');
      endpoints.next = { kind: 'ready', endpoint: ENDPOINT, foreignPatterns: [] };
      panel.click('ext-api-confirm');
      expect(endpoints.changes).toEqual(['migrate']);
      expect(panel.find('ext-api-legacy')).toBeNull();
      expect(emitted.at(-1)).toEqual({ kind: 'extApi', prefix: PLAN.prefix });
    });
  });
});
