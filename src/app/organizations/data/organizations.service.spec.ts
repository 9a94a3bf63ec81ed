import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { RegistryStatusRepository } from '../../shared/status-store/data/registry-status.repository';
import { answerVersions, provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { OrgSummary } from '../domain/org-row';
import { OrganizationsService, isOrgGone } from './organizations.service';

const ROOT = 'https://vcd.example.com/cloudapi/1.0.0';
const LIST = `${ROOT}/entities/types/cseairgap/registryStatus/1.0.0`;
const ACME: OrgSummary = { id: 'urn:vcloud:org:1111', name: 'acme', displayName: 'ACME', isEnabled: true };
const ENTITY_ID = 'urn:vcloud:entity:cseairgap:registryStatus:e1';
const page = (values: object[], total = values.length): object => ({ resultTotal: total, pageCount: 1, page: 1, pageSize: 25, values });
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));
const entity = (body: object): object => ({
  id: ENTITY_ID,
  name: 'org-1111',
  entityType: 'urn:vcloud:type:cseairgap:registryStatus:1.0.0',
  entity: body,
});

describe('OrganizationsService', () => {
  let service: OrganizationsService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideVcdTesting(), RegistryStatusRepository, OrganizationsService] });
    service = TestBed.inject(OrganizationsService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const expectGet = (url: string): TestRequest => backend.expectOne((request) => request.method === 'GET' && request.url === url);

  /** The org exists, its entity is found and read (ETag "v1"): answers up to the If-Match PUT. */
  async function answerUntilPut(): Promise<TestRequest> {
    expectGet(`${ROOT}/orgs/${ACME.id}`).flush(ACME);
    await settle();
    expectGet(LIST).flush(page([entity({ scope: 'organization', orgId: ACME.id })]));
    await settle();
    expectGet(`${ROOT}/entities/${ENTITY_ID}`).flush(entity({ scope: 'organization', orgId: ACME.id }), { headers: { ETag: '"v1"' } });
    await settle();
    return backend.expectOne((request) => request.method === 'PUT');
  }

  it('reads one page of organizations (System left out) and their entities in one filtered request', async () => {
    const rows = firstValueFrom(service.rows({ page: 3, pageSize: 50, search: 'ac', sort: { by: 'name', reverse: true } }));
    answerVersions(backend);
    const orgs = expectGet(`${ROOT}/orgs`);
    expect(orgs.request.params.get('page')).toBe('3');
    expect(orgs.request.params.get('pageSize')).toBe('50');
    expect(orgs.request.params.get('sortDesc')).toBe('name');
    expect(orgs.request.params.get('filter')).toBe('name==*ac*;name!=System,displayName==*ac*;name!=System');
    orgs.flush(page([ACME, { id: 'urn:vcloud:org:2222', name: 'acorn', displayName: '', isEnabled: true }], 5000));
    await settle();
    const entities = expectGet(LIST);
    expect(entities.request.params.get('filter')).toBe('name==org-1111,name==org-2222');
    entities.flush(page([entity({ scope: 'organization', orgId: ACME.id, registryBase: 'harbor.example.com/acme' })]));
    const result = await rows;
    expect(result.total).toBe(5000);
    expect(result.rows.map((row) => row.assignedBase)).toEqual(['harbor.example.com/acme', undefined]);
    expect(result.rows[1]?.org.displayName).toBe('acorn');
  });

  it('assigns a registry: checks the org exists, writes the entity with If-Match, then shares it read-only with the org', async () => {
    const done = firstValueFrom(service.assign(ACME, 'harbor.example.com/acme', 'administrator'));
    answerVersions(backend);
    const put = await answerUntilPut();
    expect(put.request.headers.get('If-Match')).toBe('"v1"');
    expect(put.request.body.entity).toEqual(
      jasmine.objectContaining({
        scope: 'organization',
        orgId: ACME.id,
        orgName: 'acme',
        registryBase: 'harbor.example.com/acme',
        assignedBy: 'administrator',
      }),
    );
    put.flush(put.request.body, { headers: { ETag: '"v2"' } });
    await settle();
    expectGet(`${ROOT}/entities/${ENTITY_ID}/accessControls`).flush(page([]));
    await settle();
    const share = backend.expectOne((request) => request.method === 'POST' && request.url.endsWith('/accessControls'));
    expect(share.request.body).toEqual({
      grantType: 'MembershipAccessControlGrant',
      accessLevelId: 'urn:vcloud:accessLevel:ReadOnly',
      memberId: ACME.id,
    });
    share.flush({});
    expect((await done).registryBase).toBe('harbor.example.com/acme');
  });

  it('does not share twice when the organization already has its read-only grant', async () => {
    const done = firstValueFrom(service.setTenantRecheck(ACME, true));
    answerVersions(backend);
    const put = await answerUntilPut();
    expect(put.request.body.entity.tenantRecheck).toBeTrue();
    put.flush(put.request.body, { headers: { ETag: '"v2"' } });
    await settle();
    expectGet(`${ROOT}/entities/${ENTITY_ID}/accessControls`).flush(
      page([{ memberId: ACME.id, accessLevelId: 'urn:vcloud:accessLevel:ReadOnly' }]),
    );
    expect((await done).tenantRecheck).toBeTrue();
  });

  it('refuses to assign to an organization deleted meanwhile, and writes nothing', async () => {
    const done = firstValueFrom(service.assign(ACME, 'harbor.example.com/acme', undefined)).catch((error: unknown) => error);
    answerVersions(backend);
    expectGet(`${ROOT}/orgs/${ACME.id}`).flush({ message: 'no such org' }, { status: 403, statusText: 'Forbidden' });
    expect(isOrgGone(await done)).toBeTrue();
  });

  it('removes the entity it wrote when the organization disappears before the share', async () => {
    const done = firstValueFrom(service.assign(ACME, 'harbor.example.com/acme', undefined)).catch((error: unknown) => error);
    answerVersions(backend);
    const put = await answerUntilPut();
    put.flush(put.request.body, { headers: { ETag: '"v2"' } });
    await settle();
    expectGet(`${ROOT}/entities/${ENTITY_ID}/accessControls`).flush(page([]));
    await settle();
    backend
      .expectOne((request) => request.method === 'POST' && request.url.endsWith('/accessControls'))
      .flush({ message: 'memberId is neither a user nor an organization' }, { status: 400, statusText: 'Bad Request' });
    await settle();
    expectGet(`${ROOT}/orgs/${ACME.id}`).flush({}, { status: 403, statusText: 'Forbidden' });
    await settle();
    expectGet(LIST).flush(page([entity({ scope: 'organization', orgId: ACME.id })]));
    await settle();
    backend
      .expectOne((request) => request.method === 'DELETE' && request.url === `${ROOT}/entities/${ENTITY_ID}`)
      .flush(null, { status: 204, statusText: 'No Content' });
    expect(isOrgGone(await done)).toBeTrue();
  });

  it('removes an assignment by deleting the entity (VCD drops its shares with it)', async () => {
    const done = firstValueFrom(service.unassign(ACME));
    answerVersions(backend);
    expectGet(LIST).flush(page([entity({ scope: 'organization', orgId: ACME.id })]));
    await settle();
    backend.expectOne((request) => request.method === 'DELETE').flush(null, { status: 204, statusText: 'No Content' });
    await done;
  });
});
