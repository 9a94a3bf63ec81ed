import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, fakeAsync, tick } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { answerVersions, provideVcdTesting } from '../../../vcd/testing/vcd-testing';
import { RegistryCheckRecord } from '../../../registry/domain/registry-check';
import { RegistryStatus, STATUS_SETUP_PLAN, STATUS_TYPE_ID } from '../domain/registry-status';
import { RegistryStatusRepository } from './registry-status.repository';

const ROOT = 'https://vcd.example.com/cloudapi/1.0.0';
const LIST = `${ROOT}/entities/types/cseairgap/registryStatus/1.0.0`;
const ID = 'urn:vcloud:entity:cseairgap:registryStatus:1';
const page = (values: object[]): object => ({ resultTotal: values.length, pageCount: 1, page: 1, pageSize: 128, values });
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('RegistryStatusRepository', () => {
  let repository: RegistryStatusRepository;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideVcdTesting(), RegistryStatusRepository] });
    repository = TestBed.inject(RegistryStatusRepository);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('knows whether the entity type exists', async () => {
    const storage = firstValueFrom(repository.storage());
    answerVersions(backend);
    const request = backend.expectOne((candidate) => candidate.url === `${ROOT}/entityTypes`);
    expect(request.request.params.get('filter')).toBe(`id==${STATUS_TYPE_ID}`);
    request.flush(page([]));
    expect(await storage).toBe('notSetUp');
  });

  it('creates the interface, then the type with the schema from the repository', async () => {
    const done = firstValueFrom(repository.setUp());
    answerVersions(backend);
    const createInterface = backend.expectOne(`${ROOT}/interfaces`);
    expect(createInterface.request.body).toEqual(STATUS_SETUP_PLAN.interface);
    createInterface.flush({ id: 'urn:vcloud:interface:cseairgap:registryStatus:1.0.0' });
    await settle();
    const createType = backend.expectOne(`${ROOT}/entityTypes`);
    expect(createType.request.body.schema.properties.lastRegistryCheck).toBeDefined();
    expect(createType.request.body.schema.additionalProperties).toBeFalse();
    createType.flush({ id: STATUS_TYPE_ID });
    await done;
  });

  it('keeps going when the interface exists already (a second setup)', async () => {
    const done = firstValueFrom(repository.setUp());
    answerVersions(backend);
    backend
      .expectOne(`${ROOT}/interfaces`)
      .flush({ minorErrorCode: 'DUPLICATE_NAME', message: 'Interface already exists' }, { status: 400, statusText: 'Bad Request' });
    await settle();
    backend.expectOne(`${ROOT}/entityTypes`).flush({ id: STATUS_TYPE_ID });
    await done;
  });

  it('creates a missing entity through VCD’s task, resolves it, then writes with its ETag', async () => {
    const initial: RegistryStatus = { scope: 'system' };
    const updated = firstValueFrom(
      repository.update('system', initial, (current) => ({ ...current, registryBase: 'harbor.corp.local/cse' })),
    );
    answerVersions(backend);
    backend.expectOne((request) => request.url === LIST).flush(page([]));
    await settle();
    const create = backend.expectOne(`${ROOT}/entityTypes/${STATUS_TYPE_ID}`);
    expect(create.request.body).toEqual({ name: 'system', entity: initial });
    create.flush(null, { status: 202, statusText: 'Accepted', headers: { Location: 'https://vcd.example.com/api/task/t1' } });
    await settle();
    const task = backend.expectOne('https://vcd.example.com/api/task/t1');
    expect(task.request.headers.get('Accept')).toBe('application/*+json;version=39.0');
    // VCD keeps the task running at 1 % until the entity is resolved: the owner is enough.
    task.flush({ status: 'running', progress: 1, owner: { id: ID } });
    await settle();
    backend.expectOne(`${ROOT}/entities/${ID}/resolve`).flush({ id: ID, state: 'RESOLVED' });
    await settle();
    // Read back by name: another client may have created one at the same time (here, none did).
    backend
      .expectOne((request) => request.url === LIST)
      .flush(page([{ id: ID, name: 'system', entityType: STATUS_TYPE_ID, entity: initial }]));
    await settle();
    backend
      .expectOne(`${ROOT}/entities/${ID}`)
      .flush({ id: ID, name: 'system', entityType: STATUS_TYPE_ID, entity: initial }, { headers: { ETag: '"e1"' } });
    await settle();
    const put = backend.expectOne(`${ROOT}/entities/${ID}`);
    expect(put.request.headers.get('If-Match')).toBe('"e1"');
    expect(put.request.body.entity).toEqual({ scope: 'system', registryBase: 'harbor.corp.local/cse' });
    put.flush(put.request.body, { headers: { ETag: '"e2"' } });
    expect(await updated).toEqual({ scope: 'system', registryBase: 'harbor.corp.local/cse' });
  });

  it('re-reads and applies its change again when someone else wrote meanwhile (412)', async () => {
    const updated = firstValueFrom(repository.update('system', { scope: 'system' }, (current) => ({ ...current, registryBase: 'mine' })));
    answerVersions(backend);
    const existing = {
      id: ID,
      name: 'system',
      entityType: STATUS_TYPE_ID,
      entity: { scope: 'system', lastDependencyCheck: { by: 'them' } },
    };
    backend.expectOne((request) => request.url === LIST).flush(page([existing]));
    await settle();
    backend.expectOne(`${ROOT}/entities/${ID}`).flush(existing, { headers: { ETag: '"e1"' } });
    await settle();
    backend.expectOne(`${ROOT}/entities/${ID}`).flush({}, { status: 412, statusText: 'Precondition Failed' });
    await settle();
    backend.expectOne((request) => request.url === LIST).flush(page([existing]));
    await settle();
    backend.expectOne(`${ROOT}/entities/${ID}`).flush(existing, { headers: { ETag: '"e2"' } });
    await settle();
    const put = backend.expectOne(`${ROOT}/entities/${ID}`);
    expect(put.request.headers.get('If-Match')).toBe('"e2"');
    expect(put.request.body.entity).toEqual({ scope: 'system', lastDependencyCheck: { by: 'them' }, registryBase: 'mine' });
    put.flush(put.request.body, { headers: { ETag: '"e3"' } });
    await updated;
  });
  it('never writes the resolved internal IP of a check step: the entity is shared with the tenant', async () => {
    const record: RegistryCheckRecord = {
      base: 'harbor.corp.local/cse',
      accessPath: { kind: 'extApi', prefix: 'cseairgap-harbor-corp-local' },
      checkedAt: '2026-01-01T00:00:00.000Z',
      timeoutSeconds: 10,
      steps: [{ id: 'connection', verdict: 'passed', message: { key: 'registry.check.connection.passed' }, detail: '10.20.30.40' }],
      chain: [],
      verdict: 'passed',
    };
    const updated = firstValueFrom(
      repository.update('system', { scope: 'system' }, (current) => ({ ...current, lastRegistryCheck: record })),
    );
    answerVersions(backend);
    const existing = { id: ID, name: 'system', entityType: STATUS_TYPE_ID, entity: { scope: 'system' } };
    backend.expectOne((request) => request.url === LIST).flush(page([existing]));
    await settle();
    backend.expectOne(`${ROOT}/entities/${ID}`).flush(existing, { headers: { ETag: '"e1"' } });
    await settle();
    const put = backend.expectOne(`${ROOT}/entities/${ID}`);
    expect(JSON.stringify(put.request.body)).not.toContain('10.20.30.40');
    expect(put.request.body.entity.lastRegistryCheck.steps).toEqual([
      { id: 'connection', verdict: 'passed', message: { key: 'registry.check.connection.passed' } },
    ]);
    put.flush(put.request.body, { headers: { ETag: '"e2"' } });
    await updated;
  });

  it('ends a creation task that never names its entity as a timeout, not in silence', fakeAsync(() => {
    let failure: unknown;
    repository.update('system', { scope: 'system' }, (current) => current).subscribe({ error: (error: unknown) => (failure = error) });
    answerVersions(backend);
    backend.expectOne((request) => request.url === LIST).flush(page([]));
    tick();
    backend
      .expectOne(`${ROOT}/entityTypes/${STATUS_TYPE_ID}`)
      .flush(null, { status: 202, statusText: 'Accepted', headers: { Location: 'https://vcd.example.com/api/task/t1' } });
    for (let poll = 0; poll < 60; poll++) {
      tick(poll === 0 ? 0 : 500);
      backend.expectOne('https://vcd.example.com/api/task/t1').flush({ status: 'running', progress: 1 });
    }
    tick(500);
    expect(failure).toEqual({ kind: 'timeout', status: 0, seconds: 30 });
  }));
});
