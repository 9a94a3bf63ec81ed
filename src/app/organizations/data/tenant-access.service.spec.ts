import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { answerVersions, provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { STATUS_VIEW_RIGHT } from '../../shared/status-store/domain';
import { TenantAccessService, TenantAccessState, isTenantAccessReady } from './tenant-access.service';

const ROOT = 'https://vcd.example.com/cloudapi/1.0.0';
const RIGHT = { name: STATUS_VIEW_RIGHT, id: 'urn:vcloud:right:view' };
const page = (values: object[]): object => ({ resultTotal: values.length, pageCount: 1, page: 1, pageSize: 128, values });
/** After every pending microtask (the service's next request waits on promises, never on a timer): no time is waited for. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

describe('TenantAccessService', () => {
  let service: TenantAccessService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideVcdTesting(), TenantAccessService] });
    service = TestBed.inject(TenantAccessService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function answerState(bundleHas: boolean, roleHas: boolean): Promise<void> {
    const rights = backend.expectOne((request) => request.url === `${ROOT}/rights`);
    expect(rights.request.params.get('filter')).toBe(`name==${STATUS_VIEW_RIGHT}`);
    rights.flush(page([RIGHT]));
    await settle();
    backend.expectOne(`${ROOT}/rightsBundles?page=1&pageSize=128`).flush(
      page([
        { id: 'urn:vcloud:rightsBundle:k8s', name: 'Kubernetes Clusters Rights Bundle', publishAll: false },
        { id: 'urn:vcloud:rightsBundle:default', name: 'Default Rights Bundle', publishAll: true },
      ]),
    );
    const roles = backend.expectOne((request) => request.url === `${ROOT}/globalRoles`);
    expect(roles.request.params.get('filter')).toBe('name==Organization Administrator');
    roles.flush(page([{ id: 'urn:vcloud:globalRole:oa', name: 'Organization Administrator' }]));
    await settle();
    backend
      .expectOne((request) => request.url === `${ROOT}/rightsBundles/urn:vcloud:rightsBundle:default/rights`)
      .flush(page(bundleHas ? [RIGHT] : []));
    backend
      .expectOne((request) => request.url === `${ROOT}/globalRoles/urn:vcloud:globalRole:oa/rights`)
      .flush(page(roleHas ? [RIGHT] : []));
    await settle();
  }

  it('says there is nothing to plan before the entity type (and its rights) exist', async () => {
    const state = firstValueFrom(service.state());
    answerVersions(backend);
    backend.expectOne((request) => request.url === `${ROOT}/rights`).flush(page([]));
    expect(await state).toEqual({ kind: 'noRight' });
  });

  it('plans exactly the two additions, on the Default Rights Bundle and the Organization Administrator role', async () => {
    const state = firstValueFrom(service.state());
    answerVersions(backend);
    await answerState(false, false);
    const plan = await state;
    expect(plan).toEqual({
      kind: 'plan',
      right: RIGHT,
      bundle: { id: 'urn:vcloud:rightsBundle:default', name: 'Default Rights Bundle', publishAll: true, hasRight: false },
      role: { id: 'urn:vcloud:globalRole:oa', name: 'Organization Administrator', hasRight: false },
    });
    expect(isTenantAccessReady(plan)).toBeFalse();
  });

  it('adds the right with POST (never replacing a list), bundle first, then reads the state again', async () => {
    const plan: TenantAccessState = {
      kind: 'plan',
      right: RIGHT,
      bundle: { id: 'urn:vcloud:rightsBundle:default', name: 'Default Rights Bundle', publishAll: true, hasRight: false },
      role: { id: 'urn:vcloud:globalRole:oa', name: 'Organization Administrator', hasRight: false },
    };
    const next = firstValueFrom(service.apply(plan));
    answerVersions(backend);
    const bundle = backend.expectOne(`${ROOT}/rightsBundles/urn:vcloud:rightsBundle:default/rights`);
    expect(bundle.request.method).toBe('POST');
    expect(bundle.request.body).toEqual({ values: [RIGHT] });
    backend.expectNone(`${ROOT}/globalRoles/urn:vcloud:globalRole:oa/rights`);
    bundle.flush(page([RIGHT]));
    await settle();
    const role = backend.expectOne(`${ROOT}/globalRoles/urn:vcloud:globalRole:oa/rights`);
    expect(role.request.method).toBe('POST');
    role.flush(page([RIGHT]));
    await settle();
    await answerState(true, true);
    expect(isTenantAccessReady(await next)).toBeTrue();
  });

  it('leaves alone what already holds the right', async () => {
    const plan: TenantAccessState = {
      kind: 'plan',
      right: RIGHT,
      bundle: { id: 'b', name: 'Default Rights Bundle', publishAll: true, hasRight: true },
      role: { id: 'urn:vcloud:globalRole:oa', name: 'Organization Administrator', hasRight: false },
    };
    const next = firstValueFrom(service.apply(plan));
    answerVersions(backend);
    backend.expectNone(`${ROOT}/rightsBundles/b/rights`);
    backend.expectOne(`${ROOT}/globalRoles/urn:vcloud:globalRole:oa/rights`).flush(page([RIGHT]));
    await settle();
    await answerState(true, true);
    await next;
  });
});
