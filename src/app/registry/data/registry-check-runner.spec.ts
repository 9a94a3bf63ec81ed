import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed, fakeAsync, flush, tick } from '@angular/core/testing';
import { lastValueFrom, toArray } from 'rxjs';
import { makeCa, makeLeaf } from '../../certificates/testing/test-pki';
import { answerVersions, provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { RegistryCheckInput, RegistryCheckProgress, RegistryCheckRunner } from './registry-check-runner';
import { RegistryHttp } from './registry-http';

const VCD = 'https://vcd.example.com';
const EXT = `${VCD}/ext-api/cseairgap-harbor-corp-local`;

const INPUT: RegistryCheckInput = {
  host: 'harbor.corp.local',
  project: 'cse',
  access: { kind: 'extApi', prefix: 'cseairgap-harbor-corp-local' },
  timeoutSeconds: 10,
};

describe('RegistryCheckRunner', () => {
  let backend: HttpTestingController;
  let runner: RegistryCheckRunner;
  let chainPem: string;

  beforeAll(async () => {
    const ca = await makeCa('Corp Root CA');
    const leaf = await makeLeaf(ca, { dns: ['harbor.corp.local'] });
    chainPem = leaf.pem + ca.pem;
  });

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideVcdTesting(), RegistryHttp, RegistryCheckRunner] });
    backend = TestBed.inject(HttpTestingController);
    runner = TestBed.inject(RegistryCheckRunner);
  });

  afterEach(() => backend.verify());

  /** Waits for the runner's next request (it awaits certificate parsing between steps). */
  async function next(url: string): Promise<TestRequest> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const found = backend.match(url);
      if (found.length > 0) return found[0] as TestRequest;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return backend.expectOne(url);
  }

  function probe(connectionResult: string, sslResult: string | null, certificateChain: string | null = null): object {
    return {
      targetProbe: {
        canConnect: connectionResult === 'SUCCESS',
        sslHandshake: sslResult === 'SUCCESS',
        connectionResult,
        sslResult,
        certificateChain,
        resolvedIp: '10.0.0.5',
      },
    };
  }

  it('passes every step against a public Harbor project reached through /ext-api', async () => {
    const all = lastValueFrom(runner.run(INPUT).pipe(toArray()));
    answerVersions(backend);
    const test = await next(`${VCD}/cloudapi/1.0.0/testConnection`);
    expect(test.request.body).toEqual({
      host: 'harbor.corp.local',
      port: 443,
      secure: true,
      timeout: 10,
      hostnameVerificationAlgorithm: 'HTTPS',
    });
    test.flush(probe('SUCCESS', 'SUCCESS', chainPem));
    const v2 = await next(`${EXT}/v2/`);
    expect(v2.request.headers.get('Authorization')).toBe('Bearer test-jwt');
    v2.flush(
      { errors: [{ code: 'UNAUTHORIZED' }] },
      { status: 401, statusText: 'Unauthorized', headers: { 'Docker-Distribution-Api-Version': 'registry/2.0' } },
    );
    (await next(`${EXT}/api/v2.0/ping`)).flush('Pong');
    (await next(`${EXT}/api/v2.0/systeminfo`)).flush({ harbor_version: 'v2.10.2' });
    (await next(`${EXT}/api/v2.0/projects/cse`)).flush({ name: 'cse', metadata: { public: 'true' } });

    const updates = await all;
    const last = updates.at(-1) as RegistryCheckProgress;
    expect(last.done).toBeTrue();
    expect(last.steps.map((step) => [step.id, step.verdict])).toEqual([
      ['connection', 'passed'],
      ['certificate', 'passed'],
      ['registryApi', 'passed'],
      ['harbor', 'passed'],
      ['project', 'passed'],
    ]);
    expect(last.harborVersion).toBe('v2.10.2');
    expect(last.chain.map((certificate) => certificate.subject)).toEqual(['CN=harbor.corp.local', 'CN=Corp Root CA']);
    // The list fills in as it goes: an update per step change, never all at once.
    expect(updates.length).toBeGreaterThan(5);
    expect(updates.some((update) => update.steps.some((step) => step.verdict === 'running'))).toBeTrue();
  });

  it('skips the HTTP steps when VCD cannot connect, and ends every step', async () => {
    const all = lastValueFrom(runner.run(INPUT));
    answerVersions(backend);
    (await next(`${VCD}/cloudapi/1.0.0/testConnection`)).flush(probe('ERROR_CANNOT_CONNECT', null));
    const last = await all;
    expect(last.steps.map((step) => step.verdict)).toEqual(['failed', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(last.steps[0]?.message?.key).toBe('registry.check.connection.cannotConnect');
  });

  it('reports a private project with its own message', async () => {
    const all = lastValueFrom(runner.run(INPUT));
    answerVersions(backend);
    (await next(`${VCD}/cloudapi/1.0.0/testConnection`)).flush(probe('SUCCESS', 'SUCCESS', chainPem));
    (await next(`${EXT}/v2/`)).flush('', {
      status: 401,
      statusText: 'Unauthorized',
      headers: { 'Docker-Distribution-Api-Version': 'registry/2.0' },
    });
    (await next(`${EXT}/api/v2.0/ping`)).flush('Pong');
    (await next(`${EXT}/api/v2.0/systeminfo`)).flush({ harbor_version: 'v2.10.2' });
    (await next(`${EXT}/api/v2.0/projects/cse`)).flush({ errors: [{ code: 'UNAUTHORIZED' }] }, { status: 401, statusText: 'Unauthorized' });
    const last = await all;
    expect(last.steps.at(-1)?.message?.key).toBe('registry.check.project.private');
  });

  it('warns when the served certificate does not name the host', async () => {
    const ca = await makeCa();
    const wrongLeaf = await makeLeaf(ca, { dns: ['other.corp.local'] });
    const all = lastValueFrom(runner.run({ ...INPUT, project: undefined } as RegistryCheckInput));
    answerVersions(backend);
    (await next(`${VCD}/cloudapi/1.0.0/testConnection`)).flush(probe('SUCCESS', 'ERROR_CANNOT_VERIFY_HOSTNAME', wrongLeaf.pem));
    (await next(`${EXT}/v2/`)).flush('', {
      status: 401,
      statusText: 'Unauthorized',
      headers: { 'Docker-Distribution-Api-Version': 'registry/2.0' },
    });
    (await next(`${EXT}/api/v2.0/ping`)).flush('404 page not found', { status: 404, statusText: 'Not Found' });
    const last = await all;
    const certificate = last.steps.find((step) => step.id === 'certificate');
    expect(certificate?.verdict).toBe('warning');
    expect(certificate?.notes?.map((note) => note.key)).toEqual(['registry.check.certificate.hostNotCovered']);
    expect(last.steps.find((step) => step.id === 'harbor')?.verdict).toBe('warning');
    expect(last.steps.find((step) => step.id === 'project')?.message?.key).toBe('registry.check.project.none');
  });

  it('cuts a hanging registry off after the timeout and says so', fakeAsync(() => {
    let last: RegistryCheckProgress | undefined;
    runner.run({ ...INPUT, timeoutSeconds: 3 }).subscribe((progress) => (last = progress));
    answerVersions(backend);
    backend.expectOne(`${VCD}/cloudapi/1.0.0/testConnection`).flush(probe('SUCCESS', 'SUCCESS', null));
    flush();
    backend.expectOne(`${EXT}/v2/`); // never answered
    tick(3000);
    flush();
    backend.expectOne(`${EXT}/api/v2.0/ping`).flush('Pong');
    flush();
    backend.expectOne(`${EXT}/api/v2.0/systeminfo`).flush({ harbor_version: 'v2.9.0' });
    flush();
    backend.expectOne(`${EXT}/api/v2.0/projects/cse`).flush({ metadata: { public: 'true' } });
    flush();
    const registryApi = last?.steps.find((step) => step.id === 'registryApi');
    expect(registryApi?.verdict).toBe('failed');
    expect(registryApi?.message).toEqual({ key: 'registry.check.http.timeout', params: { seconds: 3 } });
    expect(last?.done).toBeTrue();
  }));

  it('explains a missing API filter (VCD answers 404 itself)', async () => {
    const all = lastValueFrom(runner.run(INPUT));
    answerVersions(backend);
    (await next(`${VCD}/cloudapi/1.0.0/testConnection`)).flush(probe('SUCCESS', 'SUCCESS', chainPem));
    (await next(`${EXT}/v2/`)).flush(
      { minorErrorCode: 'RESOURCE_NOT_FOUND', message: 'no filter' },
      { status: 404, statusText: 'Not Found' },
    );
    (await next(`${EXT}/api/v2.0/ping`)).flush(
      { minorErrorCode: 'RESOURCE_NOT_FOUND', message: 'no filter' },
      { status: 404, statusText: 'Not Found' },
    );
    const last = await all;
    expect(last.steps.find((step) => step.id === 'registryApi')?.message?.key).toBe('registry.check.http.noApiFilter');
    expect(last.steps.find((step) => step.id === 'project')?.verdict).toBe('skipped');
  });
});
