import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { answerVersions, provideVcdTesting } from '../../../vcd/testing/vcd-testing';
import { CseConfigDocument, CseConfigRepository } from './cse-config.repository';

const URL = 'https://vcd.example.com/cloudapi/1.0.0/entities/urn:vcloud:entity:vmware:VCDKEConfig:1';

function entity(registry: string, mhc = 100): object {
  return {
    id: 'urn:vcloud:entity:vmware:VCDKEConfig:1',
    name: 'vcdKeConfig',
    entityType: 'urn:vcloud:type:vmware:VCDKEConfig:1.1.0',
    entity: { profiles: [{ containerRegistryUrl: registry, K8Config: { mhc: { maxUnhealthyNodes: mhc }, certificateAuthorities: [] } }] },
  };
}

describe('CseConfigRepository', () => {
  let repository: CseConfigRepository;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideVcdTesting(), CseConfigRepository] });
    repository = TestBed.inject(CseConfigRepository);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function read(): Promise<CseConfigDocument> {
    const document = firstValueFrom(repository.read('urn:vcloud:entity:vmware:VCDKEConfig:1'));
    answerVersions(backend);
    backend.expectOne(URL).flush(entity('projects.registry.vmware.com'), { headers: { ETag: '"v1"' } });
    return document;
  }

  it('saves only the URL, with the ETag it read, in one PUT', async () => {
    const base = await read();
    const saved = firstValueFrom(repository.saveRegistryUrl(base, 'harbor.corp.local/cse'));
    const put = backend.expectOne(URL);
    expect(put.request.method).toBe('PUT');
    expect(put.request.headers.get('If-Match')).toBe('"v1"');
    expect(put.request.body).toEqual(entity('harbor.corp.local/cse'));
    put.flush(put.request.body, { headers: { ETag: '"v2"' } });
    const outcome = await saved;
    expect(outcome.kind).toBe('saved');
    expect(outcome.kind === 'saved' && outcome.document.etag).toBe('"v2"');
  });

  it('on 412 reads the entity again and reports what the other writer changed, without writing again', async () => {
    const base = await read();
    const saved = firstValueFrom(repository.saveRegistryUrl(base, 'harbor.corp.local/cse'));
    backend
      .expectOne(URL)
      .flush({ minorErrorCode: 'PRECONDITION_FAILED', message: 'stale' }, { status: 412, statusText: 'Precondition Failed' });
    await Promise.resolve();
    const reread = backend.expectOne(URL);
    expect(reread.request.method).toBe('GET');
    reread.flush(entity('projects.registry.vmware.com', 50), { headers: { ETag: '"v3"' } });
    const outcome = await saved;
    expect(outcome.kind).toBe('conflict');
    if (outcome.kind === 'conflict') {
      expect(outcome.latest.etag).toBe('"v3"');
      expect(outcome.theirChanges.map((change) => change.path)).toEqual(['profiles[0].K8Config.mhc.maxUnhealthyNodes']);
    }
  });

  it('re-applies on top of the latest version: their change survives', async () => {
    const base = await read();
    const conflict = firstValueFrom(repository.saveRegistryUrl(base, 'harbor.corp.local/cse'));
    backend.expectOne(URL).flush({}, { status: 412, statusText: 'Precondition Failed' });
    await Promise.resolve();
    backend.expectOne(URL).flush(entity('projects.registry.vmware.com', 50), { headers: { ETag: '"v3"' } });
    const outcome = await conflict;
    if (outcome.kind !== 'conflict') fail('expected a conflict');
    else {
      const again = firstValueFrom(repository.saveRegistryUrl(outcome.latest, 'harbor.corp.local/cse'));
      const put = backend.expectOne(URL);
      expect(put.request.headers.get('If-Match')).toBe('"v3"');
      expect(put.request.body).toEqual(entity('harbor.corp.local/cse', 50));
      put.flush(put.request.body, { headers: { ETag: '"v4"' } });
      expect((await again).kind).toBe('saved');
    }
  });

  it('passes any other failure through as a VcdError and writes nothing else', async () => {
    const base = await read();
    const saved = firstValueFrom(repository.saveRegistryUrl(base, 'harbor.corp.local/cse'));
    backend.expectOne(URL).flush({ minorErrorCode: 'BAD_REQUEST', message: 'schema' }, { status: 400, statusText: 'Bad Request' });
    await expectAsync(saved).toBeRejectedWith(jasmine.objectContaining({ kind: 'invalid', status: 400, detail: 'schema' }));
  });
});
