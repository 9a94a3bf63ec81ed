import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, discardPeriodicTasks, fakeAsync, tick } from '@angular/core/testing';
import { answerVersions, provideVcdTesting } from './testing/vcd-testing';
import { VCD_TIMEOUT_SECONDS } from './vcd-timeout.interceptor';

const ORGS = 'https://vcd.example.com/cloudapi/1.0.0/orgs';

describe('vcdTimeoutInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  function setUp(seconds?: number): void {
    TestBed.configureTestingModule({
      providers: [...provideVcdTesting(), ...(seconds ? [{ provide: VCD_TIMEOUT_SECONDS, useValue: seconds }] : [])],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  }

  function get(url: string): { value?: unknown; error?: unknown } {
    const outcome: { value?: unknown; error?: unknown } = {};
    http.get(url).subscribe({ next: (value) => (outcome.value = value), error: (error: unknown) => (outcome.error = error) });
    return outcome;
  }

  describe('when VCD does not answer', () => {
    it('fails a cloudapi call after 30 s as a timeout that says how long it waited', fakeAsync(() => {
      setUp();
      const call = get(ORGS);
      answerVersions(backend);
      const pending = backend.expectOne(ORGS);
      tick(29_999);
      expect(call.error).toBeUndefined();
      tick(1);
      expect(call.error).toEqual({ kind: 'timeout', status: 0, seconds: 30 });
      expect(pending.cancelled).toBeTrue();
    }));

    it('cuts a VCD task poll of the legacy API the same way', fakeAsync(() => {
      setUp();
      const call = get('https://vcd.example.com/api/task/t1');
      answerVersions(backend);
      backend.expectOne('https://vcd.example.com/api/task/t1');
      tick(30_000);
      expect(call.error).toEqual({ kind: 'timeout', status: 0, seconds: 30 });
    }));

    it('waits as long as it is told to', fakeAsync(() => {
      setUp(5);
      const call = get(ORGS);
      answerVersions(backend);
      backend.expectOne(ORGS);
      tick(5_000);
      expect(call.error).toEqual({ kind: 'timeout', status: 0, seconds: 5 });
    }));
  });

  describe('when VCD answers in time', () => {
    it('passes the answer through', fakeAsync(() => {
      setUp();
      const call = get(ORGS);
      answerVersions(backend);
      tick(20_000);
      backend.expectOne(ORGS).flush({ values: [] });
      tick(30_000);
      expect(call.value).toEqual({ values: [] });
      expect(call.error).toBeUndefined();
    }));
  });

  it('leaves registry traffic through /ext-api to the check’s own timeout', fakeAsync(() => {
    setUp();
    const call = get('https://vcd.example.com/ext-api/cseairgap-harbor/v2/');
    const pending = backend.expectOne('https://vcd.example.com/ext-api/cseairgap-harbor/v2/');
    tick(120_000);
    expect(call.error).toBeUndefined();
    pending.flush({});
    expect(call.value).toEqual({});
    discardPeriodicTasks();
  }));
});
