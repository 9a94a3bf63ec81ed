import { JsonObject } from './vcdke-config';
import {
  NODE_CAS_PATH,
  NoProfileError,
  diffJson,
  touchesAny,
  REGISTRY_URL_PATH,
  withCertificateAuthorities,
  withContainerRegistryUrl,
} from './safe-write';

function config(): JsonObject {
  return {
    profiles: [
      {
        name: 'production',
        active: true,
        containerRegistryUrl: 'projects.registry.vmware.com',
        K8Config: { certificateAuthorities: ['A'], mhc: { maxUnhealthyNodes: 100 } },
        bootstrapClusterConfig: { certificateAuthorities: [], proxyConfig: { noProxy: '' } },
      },
    ],
  };
}

describe('withContainerRegistryUrl', () => {
  it('changes only profiles[0].containerRegistryUrl; every other field round-trips deep-equal', () => {
    const original = config();
    const changed = withContainerRegistryUrl(original, 'harbor.corp.local/cse');
    expect(diffJson(original, changed) as unknown[]).toEqual([
      { path: 'profiles[0].containerRegistryUrl', before: 'projects.registry.vmware.com', after: 'harbor.corp.local/cse' },
    ]);
  });

  it('leaves the document it was given untouched', () => {
    const original = config();
    withContainerRegistryUrl(original, 'x.example.com');
    expect(original).toEqual(config());
  });

  it('refuses a configuration without a profile rather than inventing one', () => {
    expect(() => withContainerRegistryUrl({ profiles: [] }, 'x')).toThrowError(NoProfileError);
    expect(() => withContainerRegistryUrl({}, 'x')).toThrowError(NoProfileError);
  });
});

describe('diffJson', () => {
  const cases: { name: string; before: JsonObject; after: JsonObject; paths: string[] }[] = [
    { name: 'finds nothing between equal documents', before: config(), after: config(), paths: [] },
    {
      name: 'names a changed nested number',
      before: config(),
      after: {
        profiles: [
          { ...(config()['profiles'] as JsonObject[])[0], K8Config: { certificateAuthorities: ['A'], mhc: { maxUnhealthyNodes: 50 } } },
        ],
      },
      paths: ['profiles[0].K8Config.mhc.maxUnhealthyNodes'],
    },
    {
      name: 'names an array element added',
      before: { list: ['a'] },
      after: { list: ['a', 'b'] },
      paths: ['list[1]'],
    },
    { name: 'names a key removed', before: { a: 1, b: 2 }, after: { a: 1 }, paths: ['b'] },
    { name: 'names a type change as one change', before: { a: { x: 1 } }, after: { a: 'x' }, paths: ['a'] },
  ];
  for (const { name, before, after, paths } of cases) {
    it(name, () => expect(diffJson(before, after).map((change) => change.path)).toEqual(paths));
  }

  it('keeps before and after values, omitting the side that does not exist', () => {
    expect(diffJson({ a: 1 }, { b: 2 }) as unknown[]).toEqual([
      { path: 'a', before: 1 },
      { path: 'b', after: 2 },
    ]);
  });
});

describe('touchesAny on the registry URL', () => {
  it('tells whether the other writer changed the registry URL too', () => {
    expect(touchesAny([{ path: 'profiles[0].containerRegistryUrl', before: 'a', after: 'b' }], [REGISTRY_URL_PATH])).toBeTrue();
    expect(touchesAny([{ path: 'profiles[0].K8Config.certificateAuthorities[0]' }], [REGISTRY_URL_PATH])).toBeFalse();
  });
});

describe('withCertificateAuthorities', () => {
  it('replaces only the two CA lists; every other field round-trips deep-equal', () => {
    const original = config();
    const changed = withCertificateAuthorities(original, { bootstrap: ['X'], nodes: ['A', 'X'] });
    expect(diffJson(original, changed).map((change) => change.path)).toEqual([
      'profiles[0].K8Config.certificateAuthorities[1]',
      'profiles[0].bootstrapClusterConfig.certificateAuthorities[0]',
    ]);
  });

  it('creates a missing list where CSE reads it', () => {
    const changed = withCertificateAuthorities({ profiles: [{ name: 'p' }] }, { bootstrap: ['X'], nodes: [] });
    expect(changed as unknown).toEqual({
      profiles: [{ name: 'p', bootstrapClusterConfig: { certificateAuthorities: ['X'] }, K8Config: { certificateAuthorities: [] } }],
    });
  });
});

describe('touchesAny', () => {
  it('matches a list and its elements', () => {
    expect(touchesAny([{ path: `${NODE_CAS_PATH}[2]` }], [NODE_CAS_PATH])).toBeTrue();
    expect(touchesAny([{ path: NODE_CAS_PATH }], [NODE_CAS_PATH])).toBeTrue();
    expect(touchesAny([{ path: 'profiles[0].K8Config.cni.name' }], [NODE_CAS_PATH])).toBeFalse();
  });
});
