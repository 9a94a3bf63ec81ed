import { HttpBackend, provideHttpClient, withInterceptors } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { AUTH_TOKEN_HOLDER, ApiVersionService, CloudApiClient, VCD_SESSION } from '../../../vcd';
import { PROVIDER_SESSION } from '../../../vcd/testing/vcd-testing';
import { vcdApiInterceptor } from '../../../vcd/vcd-api.interceptor';
import { RegistryStatus } from '../domain/registry-status';
import { FakeVcdEntities } from '../testing/fake-vcd-entities';
import { RegistryStatusRepository } from './registry-status.repository';

const NAME = 'org-acme';
const INITIAL: RegistryStatus = { scope: 'organization', orgId: 'urn:vcloud:org:acme', orgName: 'acme' };
const ID = (n: number): string => `urn:vcloud:entity:cseairgap:registryStatus:${String(n).padStart(4, '0')}`;

describe('RegistryStatusRepository with duplicates', () => {
  let vcd: FakeVcdEntities;
  let repository: RegistryStatusRepository;

  beforeEach(() => {
    vcd = new FakeVcdEntities();
    TestBed.configureTestingModule({
      providers: [
        { provide: VCD_SESSION, useValue: PROVIDER_SESSION },
        { provide: AUTH_TOKEN_HOLDER, useValue: { jwt: 'test-jwt' } },
        provideHttpClient(withInterceptors([vcdApiInterceptor])),
        { provide: HttpBackend, useValue: vcd },
        ApiVersionService,
        CloudApiClient,
        RegistryStatusRepository,
      ],
    });
    repository = TestBed.inject(RegistryStatusRepository);
  });

  describe('when two first writes race', () => {
    it('leaves one entity, holding both changes', async () => {
      await Promise.all([
        firstValueFrom(
          repository.update(NAME, INITIAL, (current) => ({
            ...current,
            registryBase: 'harbor.corp.local/acme',
            assignedAt: '2026-01-01T00:00:00Z',
          })),
        ),
        firstValueFrom(repository.update(NAME, INITIAL, (current) => ({ ...current, tenantRecheck: true }))),
      ]);
      // Both created one: the race happened, and was resolved.
      expect(vcd.requests.filter((request) => request.startsWith('POST') && request.includes('/entityTypes/')).length).toBe(2);
      const left = vcd.named(NAME);
      expect(left.length).toBe(1);
      expect(left[0]?.entity).toEqual({
        ...INITIAL,
        registryBase: 'harbor.corp.local/acme',
        assignedAt: '2026-01-01T00:00:00Z',
        tenantRecheck: true,
      });
    });

    it('leaves none once the assignment is removed', async () => {
      await Promise.all([
        firstValueFrom(repository.update(NAME, INITIAL, (current) => ({ ...current, registryBase: 'harbor.corp.local/acme' }))),
        firstValueFrom(repository.update(NAME, INITIAL, (current) => ({ ...current, tenantRecheck: false }))),
      ]);
      await firstValueFrom(repository.remove(NAME));
      expect(vcd.named(NAME)).toEqual([]);
    });
  });

  describe('when plug-in 0.1.0 left two entities of one name', () => {
    beforeEach(() => {
      vcd.seed(ID(2), NAME, { ...INITIAL, lastDependencyCheck: { checkedAt: '2026-02-01T00:00:00Z', outcome: 'done' } });
      vcd.seed(ID(1), NAME, { ...INITIAL, lastDependencyCheck: { checkedAt: '2026-01-01T00:00:00Z', outcome: 'done' } });
    });

    it('reads them as one: the lowest id, with the newest result', async () => {
      const found = await firstValueFrom(repository.find(NAME));
      expect(found?.entity.id).toBe(ID(1));
      expect(found?.entity.entity.lastDependencyCheck).toEqual({ checkedAt: '2026-02-01T00:00:00Z', outcome: 'done' });
      expect(vcd.named(NAME).length).toBe(2);
    });

    it('keeps the lowest id on the next write, with the newest result carried into it and the change applied', async () => {
      await firstValueFrom(repository.update(NAME, INITIAL, (current) => ({ ...current, tenantRecheck: true })));
      const left = vcd.named(NAME);
      expect(left.map((entity) => entity.id)).toEqual([ID(1)]);
      expect(left[0]?.entity).toEqual({
        ...INITIAL,
        lastDependencyCheck: { checkedAt: '2026-02-01T00:00:00Z', outcome: 'done' },
        tenantRecheck: true,
      });
    });

    it('lists them as one entity for the organizations grid', async () => {
      const listed = await firstValueFrom(repository.list([NAME, 'org-globex']));
      expect(listed.map((entity) => entity.id)).toEqual([ID(1)]);
      expect(listed[0]?.entity.lastDependencyCheck).toEqual({ checkedAt: '2026-02-01T00:00:00Z', outcome: 'done' });
    });

    it('removes every entity of the name', async () => {
      await firstValueFrom(repository.remove(NAME));
      expect(vcd.named(NAME)).toEqual([]);
    });
  });
});
