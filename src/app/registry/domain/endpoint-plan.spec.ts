import { extApiPrefix } from './endpoint-naming';
import { ExternalEndpointPlan, externalEndpointPlan, rootUrlOf } from './endpoint-plan';

/**
 * VCD's documented rule for one request (`/ext-api` cut off): the first filter whose pattern
 * matches the whole path takes it; what the pattern matched before its final `.*` is cut and the
 * rest goes to the endpoint's rootUrl. Undefined: no filter matches (VCD answers 404).
 */
function forwardedPath(plan: ExternalEndpointPlan, path: string): string | undefined {
  for (const filter of plan.filters) {
    const match = new RegExp(`^(?:${filter.urlPattern.slice(0, -2)})(.*)$`).exec(path);
    if (match) return `/${match[1] ?? ''}`;
  }
  return undefined;
}

const PLAN = externalEndpointPlan('harbor.corp.local', 8443);
const P = `/${PLAN.prefix}`;
const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('externalEndpointPlan', () => {
  it('plans one endpoint, named for the origin, with VCD authorization explicitly off', () => {
    expect(PLAN.endpoint).toEqual(
      jasmine.objectContaining({
        name: 'registry-harbor-corp-local-8443-813a42a5',
        vendor: 'cseairgap',
        version: '1.0.0',
        enabled: true,
        authorizationEnabled: false,
        rootUrl: 'https://harbor.corp.local:8443',
      }),
    );
    expect(PLAN.prefix).toBe(extApiPrefix('harbor.corp.local', 8443));
    expect(PLAN.origin).toBe('harbor.corp.local:8443');
  });

  it('plans one EXT_API filter per kind of request the checks make, each cutting only the prefix', () => {
    expect(PLAN.filters.map((filter) => filter.purpose)).toEqual([
      'registryApi',
      'manifests',
      'tagLists',
      'harborPing',
      'harborSystemInfo',
      'harborCaCertificate',
      'harborProject',
      'harborRepositories',
      'harborArtifacts',
      'harborArtifact',
    ]);
    for (const filter of PLAN.filters) {
      expect(filter.urlPattern.startsWith(`${P}/(?=`))
        .withContext(filter.urlPattern)
        .toBeTrue();
      expect(filter.urlPattern.endsWith('$).*')).withContext(filter.urlPattern).toBeTrue();
      expect(filter.urlPattern.length).toBeLessThanOrEqual(1024);
    }
    expect(PLAN.filters.find((filter) => filter.purpose === 'registryApi')?.urlPattern).toBe(`${P}/(?=v2/$).*`);
    expect(PLAN.filters.find((filter) => filter.purpose === 'harborPing')?.urlPattern).toBe(`${P}/(?=api/v2\\.0/ping$).*`);
  });

  it('remembers what 0.1.0 created for the same origin', () => {
    expect(PLAN.legacy).toEqual({
      endpointName: 'registry-harbor-corp-local-8443',
      prefix: 'cseairgap-harbor-corp-local-8443',
      filterPattern: '/cseairgap-harbor-corp-local-8443/.*',
    });
  });

  describe('when VCD routes a request the checks make', () => {
    const used: string[] = [
      '/v2/',
      '/v2/cse/tkg/kube-proxy/manifests/v1.28.4_vmware.1',
      `/v2/cse/vmware-cloud-director/cluster-api-provider-cloud-director/manifests/${DIGEST}`,
      '/v2/cse/tanzu_cli/plugins/plugin-inventory/manifests/latest',
      '/v2/cse/tkg/kube-proxy/tags/list',
      '/api/v2.0/ping',
      '/api/v2.0/systeminfo',
      '/api/v2.0/systeminfo/getcert',
      '/api/v2.0/projects/cse',
      '/api/v2.0/projects/cse/repositories',
      '/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts',
      '/api/v2.0/projects/cse/repositories/vmware-cloud-director%252Fsig-storage%252Fcsi-attacher/artifacts',
    ];
    for (const path of used) {
      it(`sends ${path} to the registry unchanged`, () => expect(forwardedPath(PLAN, `${P}${path}`)).toBe(path));
    }

    // Whether VCD matches the path alone or the path with its query, the pages of a listing pass.
    const withQuery: string[] = [
      '/v2/cse/tkg/kube-proxy/tags/list?n=100&last=v1.27.5',
      '/api/v2.0/projects/cse/repositories?page=2&page_size=100',
      '/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts?with_tag=true&page=1&page_size=100',
      '/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts/v1.28.4_vmware.1?with_tag=true',
      `/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts/${encodeURIComponent(DIGEST)}?with_tag=true`,
    ];
    for (const path of withQuery) {
      it(`lets ${path} through with its query`, () => expect(forwardedPath(PLAN, `${P}${path}`)).toBe(path));
    }
  });

  describe('when a request is outside the plan', () => {
    const refused: string[] = [
      '/',
      '/v2',
      '/v2/_catalog',
      '/v2/cse/tkg/kube-proxy/blobs/sha256:0123',
      '/v2/cse/tkg/kube-proxy/blobs/uploads/',
      '/v2/cse/tkg/kube-proxy/manifests/',
      '/v2/../api/v2.0/users',
      '/v2/cse/../../api/v2.0/users/manifests/latest',
      '/v2/cse/%2e%2e/%2e%2e/api/v2.0/users/manifests/latest',
      '/v2/cse/tkg/kube-proxy/manifests/../../../../api/v2.0/users',
      '/v2/cse//tkg/manifests/latest',
      '/api/v2.0/users',
      '/api/v2.0/users/current',
      '/api/v2.0/projects',
      '/api/v2.0/projects/cse/members',
      '/api/v2.0/projects/cse/robots',
      '/api/v2.0/pingx',
      '/api/v2.0/ping/../users',
      '/api/v2.0/systeminfo/volumes',
      '/api/v2.0/projects/cse/repositories/%2e%2e%252F%2e%2e/artifacts',
      '/api/v2.0/projects/cse/repositories/tkg%2Fkube-proxy/artifacts',
      '/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts/..%2F..%2Fusers',
      '/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts/%2e%2e',
      '/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts/v1/tags',
      '/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts/v1/scan',
      '/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts/sha256%3Aab/additions/vulnerabilities',
      '/c/login',
      '/service/token?scope=repository:cse/tkg/kube-proxy:pull',
    ];
    for (const path of refused) {
      it(`matches no filter for ${path}`, () => expect(forwardedPath(PLAN, `${P}${path}`)).toBeUndefined());
    }

    it('matches nothing under another registry’s prefix', () => {
      const other = externalEndpointPlan('reg-a.b.com');
      expect(forwardedPath(other, `${P}/v2/`)).toBeUndefined();
      expect(forwardedPath(PLAN, `/${other.prefix}/v2/`)).toBeUndefined();
    });
  });
});

describe('rootUrlOf', () => {
  const cases: [string, number | undefined, string][] = [
    ['harbor.corp.local', undefined, 'https://harbor.corp.local'],
    ['harbor.corp.local', 443, 'https://harbor.corp.local'],
    ['Harbor.Corp.Local', 8443, 'https://harbor.corp.local:8443'],
    ['[fd00:0::10]', 5000, 'https://[fd00::10]:5000'],
  ];
  for (const [host, port, url] of cases) {
    it(`points ${host}${port ? `:${port}` : ''} at ${url}`, () => expect(rootUrlOf(host, port)).toBe(url));
  }
});
