import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Observable, of, throwError } from 'rxjs';
import { RegistryStatus } from '../../shared/status-store/domain/registry-status';
import { RegistryStatusRepository } from '../../shared/status-store/data/registry-status.repository';
import { ExternalEndpointService } from '../data/external-endpoint.service';
import { HostUsers } from '../data/host-users';
import { RegistryCheckRunner } from '../data/registry-check-runner';
import { RegistryCheckState } from '../../shared/session-state';
import { AccessState } from '../domain/access-state';
import { externalEndpointPlan } from '../domain/endpoint-plan';
import { RegistryCheckRecord, ServedCertificate } from '../domain/registry-check';
import { provideEnglish } from '../testing/english';
import { FakeRegistryCheckRunner } from '../testing/fake-registry-check-runner';
import { FakeStatusStore } from '../testing/fake-status-store';
import { RegistryCheckWidget } from '../testing/registry-check.widget';
import { RegistryCheckComponent } from './registry-check.component';

const URL = 'harbor.corp.local:8443/cse';
const PLAN = externalEndpointPlan('harbor.corp.local', 8443);
const THROUGH_VCD = { kind: 'extApi', prefix: PLAN.prefix } as const;
const READY: AccessState = {
  kind: 'ready',
  endpoint: {
    id: 'urn:e',
    name: PLAN.endpoint.name,
    vendor: 'cseairgap',
    version: '1.0.0',
    enabled: true,
    authorizationEnabled: false,
    rootUrl: PLAN.endpoint.rootUrl,
  },
  foreignPatterns: [],
};
const LEAF: ServedCertificate = {
  subject: 'CN=harbor.corp.local',
  issuer: 'CN=Corp Root CA',
  notBefore: '2025-03-01T00:00:00.000Z',
  notAfter: '2027-03-01T00:00:00.000Z',
  dnsNames: ['harbor.corp.local'],
  ipAddresses: [],
  sha256Fingerprint: 'AA:BB',
  isCa: false,
  pem: '-----BEGIN CERTIFICATE-----\nleaf\n-----END CERTIFICATE-----\n',
};
const CONNECTED = { key: 'registry.check.connection.success', params: { host: 'harbor.corp.local', port: 8443, code: 'SUCCESS' } };
const RECORD: RegistryCheckRecord = {
  base: URL,
  accessPath: THROUGH_VCD,
  checkedAt: '2026-01-01T10:20:30.000Z',
  timeoutSeconds: 10,
  steps: [
    { id: 'connection', verdict: 'passed', message: CONNECTED },
    { id: 'certificate', verdict: 'passed', message: { key: 'registry.check.certificate.passed', params: { count: 1 } } },
  ],
  chain: [LEAF],
  verdict: 'passed',
};
const DIRECT_LABEL = 'Directly (a proxy that answers CORS)';

describe('RegistryCheckComponent', () => {
  let endpointState: () => Observable<AccessState>;
  let runner: FakeRegistryCheckRunner;
  let store: FakeStatusStore;
  let fixture: ComponentFixture<RegistryCheckComponent>;
  let check: RegistryCheckWidget;

  function open(registryUrl = URL, isProvider = true): void {
    TestBed.configureTestingModule({
      imports: [RegistryCheckComponent],
      providers: [
        provideNoopAnimations(),
        provideEnglish(),
        RegistryCheckState,
        { provide: RegistryCheckRunner, useValue: runner },
        { provide: RegistryStatusRepository, useValue: store },
        { provide: ExternalEndpointService, useValue: { state: () => endpointState() } },
        { provide: HostUsers, useValue: { organizationsUsing: () => of({ orgNames: [], isTruncated: false }) } },
      ],
    });
    fixture = TestBed.createComponent(RegistryCheckComponent);
    fixture.componentRef.setInput('registryUrl', registryUrl);
    fixture.componentRef.setInput('isProvider', isProvider);
    fixture.detectChanges();
    check = new RegistryCheckWidget(fixture);
  }

  /** Runs a check whose connection passes and whose certificate is the leaf, then ends it. */
  function runConnected(): void {
    check.run();
    runner.report({ id: 'connection', verdict: 'passed', message: CONNECTED });
    runner.report({ id: 'certificate', verdict: 'passed', message: { key: 'registry.check.certificate.passed', params: { count: 1 } } }, [
      LEAF,
    ]);
    runner.finish('v2.10.0');
    check.settle();
  }

  beforeEach(() => {
    runner = new FakeRegistryCheckRunner();
    store = new FakeStatusStore();
    endpointState = () => of(READY);
  });

  it('asks for a valid URL first, and offers no check of an invalid one', () => {
    open('https://harbor.corp.local/cse');
    expect(check.text('check-invalid-url')).toBe(
      'The registry URL https://harbor.corp.local/cse is not valid: correct it under Container Registry Settings first.',
    );
    expect(check.hasButton('Run registry check')).toBeFalse();
  });

  describe('when a provider runs the check', () => {
    beforeEach(() => open());

    it('checks the host, port and project of the URL through VCD, with the timeout given', () => {
      check.type(check.byLabel('Timeout (s)'), '30');
      check.run();
      expect(runner.inputs).toEqual([{ host: 'harbor.corp.local', port: 8443, project: 'cse', access: THROUGH_VCD, timeoutSeconds: 30 }]);
    });

    it('says Checking… and fills in each step as it arrives', () => {
      check.run();
      expect(check.runLabel()).toBe('Checking…');
      expect(check.canRun()).toBeFalse();
      expect(check.step('DNS, TCP and TLS from the VCD cell').verdict).toBe('Running');
      expect(check.step('Registry API (/v2/)').verdict).toBe('Waiting');
      runner.report({ id: 'connection', verdict: 'passed', message: CONNECTED });
      check.settle();
      expect(check.step('DNS, TCP and TLS from the VCD cell')).toEqual({
        title: 'DNS, TCP and TLS from the VCD cell',
        verdict: 'Passed',
        message: 'VCD resolved harbor.corp.local, connected to port 8443 and trusts its certificate.',
        notes: [],
      });
    });

    it('lists the certificates the registry served, and shares them with the certificates section', () => {
      runConnected();
      expect(check.chain.certificates().map((certificate) => certificate['Subject'])).toEqual(['CN=harbor.corp.local']);
      expect(TestBed.inject(RegistryCheckState).chain()).toEqual({
        host: 'harbor.corp.local',
        pems: [LEAF.pem],
        checkedAt: jasmine.any(String),
      });
    });

    it('keeps the result and the access path in VCD, and says so', () => {
      runConnected();
      expect(check.keptNote()).toBe('Result kept in VCD.');
      expect(store.written.length).toBe(1);
      expect(store.written[0]).toEqual(
        jasmine.objectContaining({
          registryBase: URL,
          accessPath: THROUGH_VCD,
          lastRegistryCheck: jasmine.objectContaining({ base: URL, harborVersion: 'v2.10.0' }),
        }),
      );
    });

    it('when the connection fails, says why, skips the rest and is never left checking', () => {
      check.run();
      runner.report({ id: 'connection', verdict: 'running' });
      runner.report({
        id: 'connection',
        verdict: 'failed',
        message: { key: 'registry.check.connection.cannotResolve', params: { host: 'harbor.corp.local' } },
      });
      runner.finish();
      check.settle();
      expect(check.step('DNS, TCP and TLS from the VCD cell').verdict).toBe('Failed');
      expect(check.step('DNS, TCP and TLS from the VCD cell').message).toMatch(/^VCD cannot resolve harbor\.corp\.local:/);
      expect(check.steps().map((step) => step.verdict)).toEqual(['Failed', 'Skipped', 'Skipped', 'Skipped', 'Skipped']);
      expect(check.runLabel()).toBe('Run registry check');
      expect(check.canRun()).toBeTrue();
    });

    it('still shows the result when VCD refuses to keep it, and says it is not kept', () => {
      store.failNextWrite = { kind: 'forbidden', status: 403 };
      runConnected();
      expect(check.keptNote()).toBe('The result could not be kept in VCD; it is shown here only.');
      expect(check.step('DNS, TCP and TLS from the VCD cell').verdict).toBe('Passed');
    });

    it('runs only with a timeout from 1 to 120 seconds', () => {
      const timeout = check.byLabel('Timeout (s)');
      for (const [seconds, isAllowed] of [
        ['0', false],
        ['121', false],
        ['', false],
        ['120', true],
        ['1', true],
      ] as const) {
        check.type(timeout, seconds);
        expect(check.canRun()).withContext(`timeout "${seconds}"`).toBe(isAllowed);
      }
    });

    it('through a direct proxy, runs only with an https:// URL, and checks through it', () => {
      check.chooseAccess(DIRECT_LABEL);
      const proxy = check.byLabel('Proxy URL');
      check.type(proxy, 'http://registry-cors.corp.local');
      expect(check.canRun()).toBeFalse();
      expect(check.pageText()).toContain('An https:// URL without credentials, query or fragment.');
      check.type(proxy, 'https://registry-cors.corp.local');
      check.run();
      expect(runner.inputs[0]?.access).toEqual({ kind: 'direct', url: 'https://registry-cors.corp.local' });
    });
  });

  describe('when the plug-in storage is not set up', () => {
    it('says the result is not kept, and keeps it once the storage is created', () => {
      store.storageState = 'notSetUp';
      open();
      runConnected();
      expect(check.keptNote()).toBe("Result not kept: the plug-in's storage is not set up.");
      expect(store.written).toEqual([]);
      check.click('Create');
      expect(check.keptNote()).toBe('Result kept in VCD.');
      expect(store.written.length).toBe(1);
    });
  });

  describe('when VCD holds the last check', () => {
    it('shows the last check of this URL with its date, steps and served chain', () => {
      store.status = { scope: 'system', accessPath: THROUGH_VCD, lastRegistryCheck: RECORD };
      open();
      expect(check.text('last-check')).toBe('Last check: 2026-01-01 10:20:30 (UTC)');
      expect(check.steps().map((step) => step.verdict)).toEqual(['Passed', 'Passed']);
      expect(check.chain.certificates().length).toBe(1);
    });

    it('shows nothing of a check of another URL', () => {
      store.status = { scope: 'system', lastRegistryCheck: { ...RECORD, base: 'old.corp.local/cse' } };
      open();
      expect(check.text('last-check')).toBe('');
      expect(check.steps()).toEqual([]);
    });

    it('comes back to the direct proxy it was run through', () => {
      const direct = { kind: 'direct', url: 'https://registry-cors.corp.local' } as const;
      store.status = { scope: 'system', accessPath: direct, lastRegistryCheck: { ...RECORD, accessPath: direct } } satisfies RegistryStatus;
      open();
      expect(check.isAccessChosen(DIRECT_LABEL)).toBeTrue();
      expect(check.byLabel('Proxy URL').value).toBe('https://registry-cors.corp.local');
    });

    it('shows a tenant the last result, without a way to run one', () => {
      store.status = { scope: 'system', lastRegistryCheck: RECORD };
      open(URL, false);
      expect(check.steps().length).toBe(2);
      expect(check.hasButton('Run registry check')).toBeFalse();
    });
  });

  describe('when a read of VCD fails', () => {
    it('says so, and Retry reads the last check again', () => {
      store.status = { scope: 'system', lastRegistryCheck: RECORD };
      store.failNextRead = { kind: 'server', status: 500 };
      open();
      expect(check.text('vcd-error')).toContain('VCD answered with an error (HTTP 500).');
      check.click('Retry');
      expect(check.text('vcd-error')).toBe('');
      expect(check.text('last-check')).toBe('Last check: 2026-01-01 10:20:30 (UTC)');
    });

    it('says so when the VCD access cannot be read, and Retry reads it again', () => {
      let reads = 0;
      endpointState = () => (++reads === 1 ? throwError(() => ({ kind: 'timeout', status: 0, seconds: 30 })) : of(READY));
      open();
      expect(check.text('vcd-error')).toContain('VCD did not answer within 30 s.');
      check.click('Retry');
      expect(reads).toBe(2);
      expect(check.text('vcd-error')).toBe('');
    });
  });
});
