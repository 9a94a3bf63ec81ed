import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { CloudApiClient } from './cloudapi-client';
import { DefinedEntity } from './cloudapi.models';
import { VcdError } from './errors';
import { answerVersions, provideVcdTesting } from './testing/vcd-testing';

const ROOT = 'https://vcd.example.com/cloudapi/1.0.0';
const TYPE = { vendor: 'vmware', nss: 'VCDKEConfig', version: '1.1.0' };

function entity(id: string, extra: object = {}): DefinedEntity<object> {
  return { id, entityType: 'urn:vcloud:type:vmware:VCDKEConfig:1.1.0', name: 'vcdKeConfig', entity: { ...extra } };
}

describe('CloudApiClient', () => {
  let client: CloudApiClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideVcdTesting() });
    client = TestBed.inject(CloudApiClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  describe('when listing entities of a type', () => {
    it('follows every page and returns all entities in order', async () => {
      const all = firstValueFrom(client.listAllEntitiesByType(TYPE, { filter: 'name==vcdKeConfig', pageSize: 2 }));
      answerVersions(backend);
      const url = `${ROOT}/entities/types/vmware/VCDKEConfig/1.1.0`;
      const first = backend.expectOne((request) => request.url === url && request.params.get('page') === '1');
      expect(first.request.params.get('filter')).toBe('name==vcdKeConfig');
      expect(first.request.params.get('pageSize')).toBe('2');
      first.flush({ resultTotal: 3, pageCount: 2, page: 1, pageSize: 2, values: [entity('e1'), entity('e2')] });
      await Promise.resolve();
      backend
        .expectOne((request) => request.url === url && request.params.get('page') === '2')
        .flush({ resultTotal: 3, pageCount: 2, page: 2, pageSize: 2, values: [entity('e3')] });
      expect((await all).map((item) => item.id)).toEqual(['e1', 'e2', 'e3']);
    });

    it('asks for one page when everything fits', async () => {
      const all = firstValueFrom(client.listAllEntitiesByType(TYPE));
      answerVersions(backend);
      const only = backend.expectOne((request) => request.url.endsWith('/1.1.0'));
      expect(only.request.params.get('pageSize')).toBe('128');
      only.flush({ resultTotal: 0, pageCount: 0, page: 1, pageSize: 128, values: [] });
      expect(await all).toEqual([]);
    });
  });

  describe('when reading and writing an entity', () => {
    it('returns the ETag with the entity and sends it back as If-Match', async () => {
      const read = firstValueFrom(client.getEntity<object>('urn:vcloud:entity:vmware:VCDKEConfig:1'));
      answerVersions(backend);
      backend
        .expectOne(`${ROOT}/entities/urn:vcloud:entity:vmware:VCDKEConfig:1`)
        .flush(entity('urn:vcloud:entity:vmware:VCDKEConfig:1'), { headers: { ETag: '"v1"' } });
      const versioned = await read;
      expect(versioned.etag).toBe('"v1"');

      const write = firstValueFrom(client.putEntity(versioned.value, versioned.etag));
      const put = backend.expectOne(`${ROOT}/entities/urn:vcloud:entity:vmware:VCDKEConfig:1`);
      expect(put.request.method).toBe('PUT');
      expect(put.request.headers.get('If-Match')).toBe('"v1"');
      expect(put.request.body).toEqual(versioned.value);
      put.flush(versioned.value, { headers: { ETag: '"v2"' } });
      expect((await write).etag).toBe('"v2"');
    });

    it('turns a stale ETag (412) into a conflict with VCD’s message', async () => {
      const write = firstValueFrom(client.putEntity(entity('urn:x'), '"old"'));
      answerVersions(backend);
      backend
        .expectOne(`${ROOT}/entities/urn:x`)
        .flush({ minorErrorCode: 'PRECONDITION_FAILED', message: 'stale' }, { status: 412, statusText: 'Precondition Failed' });
      await expectAsync(write).toBeRejectedWith({ kind: 'conflict', status: 412, detail: 'stale', code: 'PRECONDITION_FAILED' });
    });

    it('refuses a read without an ETag, so that no later write can overwrite blindly', async () => {
      const read = firstValueFrom(client.getEntity('urn:x'));
      answerVersions(backend);
      backend.expectOne(`${ROOT}/entities/urn:x`).flush(entity('urn:x'));
      const error = (await read.then(
        () => undefined,
        (failure: VcdError) => failure,
      )) as VcdError;
      expect(error.kind).toBe('server');
      expect(error.detail).toContain('ETag');
    });
  });

  describe('when probing a host', () => {
    it('posts the testConnection request and returns the probe', async () => {
      const probe = firstValueFrom(
        client.testConnection({ host: 'harbor.corp.local', port: 443, secure: true, timeout: 10, hostnameVerificationAlgorithm: 'HTTPS' }),
      );
      answerVersions(backend);
      const call = backend.expectOne(`${ROOT}/testConnection`);
      expect(call.request.method).toBe('POST');
      expect(call.request.body).toEqual(jasmine.objectContaining({ host: 'harbor.corp.local', port: 443 }));
      call.flush({ targetProbe: { canConnect: true, sslHandshake: true, connectionResult: 'SUCCESS', sslResult: 'SUCCESS' } });
      expect((await probe).targetProbe.connectionResult).toBe('SUCCESS');
    });

    it('reports a dropped connection as a network error', async () => {
      const probe = firstValueFrom(
        client.testConnection({ host: 'h', port: 443, secure: true, timeout: 10, hostnameVerificationAlgorithm: 'HTTPS' }),
      );
      answerVersions(backend);
      backend.expectOne(`${ROOT}/testConnection`).error(new ProgressEvent('error'));
      await expectAsync(probe).toBeRejectedWith(jasmine.objectContaining({ kind: 'network', status: 0 }));
    });
  });
});
