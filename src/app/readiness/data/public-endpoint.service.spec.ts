import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import type { PublicEndpointFacts } from '../../shared/status-store/domain/registry-status';
import { VcdSession } from '../../vcd';
import { PROVIDER_SESSION, TENANT_SESSION, answerVersions, provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { PublicEndpointService } from './public-endpoint.service';

const SETTINGS_URL = 'https://vcd.example.com/api/admin/extension/settings/general';
const NOW = new Date('2026-03-01T12:00:00Z');

describe('PublicEndpointService', () => {
  let backend: HttpTestingController;
  let service: PublicEndpointService;

  function setUp(session: VcdSession = PROVIDER_SESSION): void {
    TestBed.configureTestingModule({ providers: [...provideVcdTesting(session), PublicEndpointService] });
    backend = TestBed.inject(HttpTestingController);
    service = TestBed.inject(PublicEndpointService);
  }

  afterEach(() => backend.verify());

  async function readAnswering(answer: (url: string) => void): Promise<PublicEndpointFacts> {
    const facts = firstValueFrom(service.read(() => NOW));
    answerVersions(backend);
    answer(SETTINGS_URL);
    return facts;
  }

  it("reads the public REST API address from VCD's general settings, in the legacy API's JSON", async () => {
    setUp();
    const facts = await readAnswering((url) => {
      const request = backend.expectOne(url);
      expect(request.request.method).toBe('GET');
      expect(request.request.headers.get('Accept')).toBe('application/*+json;version=39.0');
      request.flush({
        type: 'application/vnd.vmware.admin.generalSettings+json',
        restApiBaseUri: 'https://vcd.corp.example ',
        restApiBaseHttpUri: 'http://vcd.corp.example',
        tenantPortalExternalAddress: 'https://vcd.corp.example',
      });
    });
    expect(facts).toEqual({ checkedAt: NOW.toISOString(), state: 'configured', url: 'https://vcd.corp.example' });
  });

  it('says missing when no public REST API address is set', async () => {
    setUp();
    const facts = await readAnswering((url) => backend.expectOne(url).flush({ restApiBaseUri: null, restApiBaseHttpUri: 'http://vcd' }));
    expect(facts).toEqual({ checkedAt: NOW.toISOString(), state: 'missing' });
  });

  for (const status of [401, 403, 404, 500]) {
    it(`says unreadable when VCD answers ${status}`, async () => {
      setUp();
      const facts = await readAnswering((url) => backend.expectOne(url).flush({ message: 'no' }, { status, statusText: 'Error' }));
      expect(facts).toEqual({ checkedAt: NOW.toISOString(), state: 'unreadable' });
    });
  }

  it('does not ask VCD for a tenant, who cannot read the system settings', async () => {
    setUp(TENANT_SESSION);
    expect(await firstValueFrom(service.read(() => NOW))).toEqual({ checkedAt: NOW.toISOString(), state: 'unreadable' });
    backend.expectNone(() => true);
  });
});
