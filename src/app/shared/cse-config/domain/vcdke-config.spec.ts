import { DEFAULT_CONTAINER_REGISTRY_URL, JsonObject, lookupFromEntities, readRegistrySettings } from './vcdke-config';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('readRegistrySettings', () => {
  const cases: { name: string; config: JsonObject; expected: ReturnType<typeof readRegistrySettings> }[] = [
    {
      name: 'reads the URL and both CA lists of profiles[0]',
      config: {
        profiles: [
          {
            containerRegistryUrl: 'harbor.corp.local/cse',
            bootstrapClusterConfig: { certificateAuthorities: [CA] },
            K8Config: { certificateAuthorities: [CA, CA] },
          },
          { containerRegistryUrl: 'ignored.example.com' },
        ],
      },
      expected: { containerRegistryUrl: 'harbor.corp.local/cse', bootstrapCertificates: [CA], nodeCertificates: [CA, CA] },
    },
    {
      name: "falls back to CSE's default registry when the URL is empty",
      config: { profiles: [{ containerRegistryUrl: '' }] },
      expected: { containerRegistryUrl: DEFAULT_CONTAINER_REGISTRY_URL, bootstrapCertificates: [], nodeCertificates: [] },
    },
    {
      name: 'treats a config without profiles as defaults',
      config: {},
      expected: { containerRegistryUrl: DEFAULT_CONTAINER_REGISTRY_URL, bootstrapCertificates: [], nodeCertificates: [] },
    },
    {
      name: 'skips non-string certificate entries',
      config: { profiles: [{ K8Config: { certificateAuthorities: [CA, 42, null] } }] },
      expected: { containerRegistryUrl: DEFAULT_CONTAINER_REGISTRY_URL, bootstrapCertificates: [], nodeCertificates: [CA] },
    },
  ];
  for (const { name, config, expected } of cases) {
    it(name, () => expect(readRegistrySettings(config)).toEqual(expected));
  }
});

describe('lookupFromEntities', () => {
  it('finds the one vcdKeConfig', () => {
    const lookup = lookupFromEntities([{ id: 'urn:1', entity: { profiles: [{ containerRegistryUrl: 'r.example.com' }] } }]);
    expect(lookup).toEqual(jasmine.objectContaining({ kind: 'found', entityId: 'urn:1' }));
  });

  it('reports none as missing', () => {
    expect(lookupFromEntities([])).toEqual({ kind: 'missing' });
  });

  it('reports several as ambiguous, with how many, rather than picking one', () => {
    expect(
      lookupFromEntities([
        { id: 'a', entity: {} },
        { id: 'b', entity: {} },
        { id: 'c', entity: {} },
      ]),
    ).toEqual({
      kind: 'ambiguous',
      count: 3,
    });
  });
});
