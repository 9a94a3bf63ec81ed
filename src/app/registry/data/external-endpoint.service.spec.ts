import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { answerVersions, provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { externalEndpointPlan } from '../domain/access-path';
import { ExternalEndpointService } from './external-endpoint.service';

const ROOT = 'https://vcd.example.com/cloudapi/1.0.0';
const PLAN = externalEndpointPlan('harbor.corp.local', 8443);
const ENDPOINT = { id: 'urn:vcloud:extensionEndpoint:cseairgap.registry-harbor-corp-local-8443:1.0.0', ...PLAN.endpoint };
const page = (values: object[]): object => ({ resultTotal: values.length, pageCount: 1, page: 1, pageSize: 128, values });

describe('ExternalEndpointService', () => {
  let service: ExternalEndpointService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideVcdTesting(), ExternalEndpointService] });
    service = TestBed.inject(ExternalEndpointService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

  it('creates the endpoint and its EXT_API filter when neither exists', async () => {
    const result = firstValueFrom(service.apply(PLAN));
    answerVersions(backend);
    const find = backend.expectOne((request) => request.url === `${ROOT}/externalEndpoints`);
    expect(find.request.params.get('filter')).toBe('vendor==cseairgap;name==registry-harbor-corp-local-8443;version==1.0.0');
    find.flush(page([]));
    await settle();
    const create = backend.expectOne((request) => request.method === 'POST' && request.url === `${ROOT}/externalEndpoints`);
    expect(create.request.body).toEqual(PLAN.endpoint);
    create.flush(ENDPOINT);
    await settle();
    backend.expectOne((request) => request.url === `${ROOT}/apiFilters` && request.method === 'GET').flush(page([]));
    await settle();
    const filter = backend.expectOne((request) => request.url === `${ROOT}/apiFilters` && request.method === 'POST');
    expect(filter.request.body).toEqual({
      externalSystem: { id: ENDPOINT.id, name: ENDPOINT.name },
      urlMatcher: { urlPattern: '/cseairgap-harbor-corp-local-8443/.*', urlScope: 'EXT_API' },
    });
    filter.flush({ id: 'urn:vcloud:apiFilter:1', ...filter.request.body });
    await settle();
    backend.expectOne((request) => request.url === `${ROOT}/externalEndpoints`).flush(page([ENDPOINT]));
    await settle();
    backend
      .expectOne((request) => request.url === `${ROOT}/apiFilters`)
      .flush(
        page([
          {
            id: 'urn:vcloud:apiFilter:1',
            externalSystem: { id: ENDPOINT.id, name: ENDPOINT.name },
            urlMatcher: { urlPattern: PLAN.filterPattern, urlScope: 'EXT_API' },
          },
        ]),
      );
    expect(await result).toEqual({ kind: 'ready', endpointId: ENDPOINT.id, filterId: 'urn:vcloud:apiFilter:1' });
  });

  it('reports a disabled endpoint without filter as partial, naming both problems', async () => {
    const state = firstValueFrom(service.state(PLAN));
    answerVersions(backend);
    backend.expectOne((request) => request.url === `${ROOT}/externalEndpoints`).flush(page([{ ...ENDPOINT, enabled: false }]));
    await settle();
    backend.expectOne((request) => request.url === `${ROOT}/apiFilters`).flush(page([]));
    expect(await state).toEqual({ kind: 'partial', endpointId: ENDPOINT.id, problems: ['disabled', 'noFilter'] });
  });

  it('removes filters first, disables the endpoint, then deletes it (VCD deletes only disabled endpoints)', async () => {
    const removed = firstValueFrom(service.remove(PLAN));
    answerVersions(backend);
    backend.expectOne((request) => request.url === `${ROOT}/externalEndpoints`).flush(page([ENDPOINT]));
    await settle();
    backend
      .expectOne((request) => request.url === `${ROOT}/apiFilters`)
      .flush(
        page([
          {
            id: 'f1',
            externalSystem: { id: ENDPOINT.id, name: ENDPOINT.name },
            urlMatcher: { urlPattern: PLAN.filterPattern, urlScope: 'EXT_API' },
          },
        ]),
      );
    await settle();
    backend.expectOne(`${ROOT}/apiFilters/f1`).flush(null);
    await settle();
    const disable = backend.expectOne(`${ROOT}/externalEndpoints/${ENDPOINT.id}`);
    expect(disable.request.method).toBe('PUT');
    expect(disable.request.body.enabled).toBeFalse();
    disable.flush({ ...ENDPOINT, enabled: false });
    await settle();
    const remove = backend.expectOne(`${ROOT}/externalEndpoints/${ENDPOINT.id}`);
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null);
    expect(await removed).toEqual({ kind: 'absent' });
  });
});
