import { imageOf, normalizeHost } from './image-reference';

describe('normalizeHost', () => {
  const cases: readonly [string, string | undefined][] = [
    ['projects.registry.vmware.com', 'projects.registry.vmware.com'],
    ['Registry.K8s.IO', 'registry.k8s.io'],
    ['harbor.local:8443', 'harbor.local:8443'],
    ['localhost', 'localhost'],
    ['localhost:5000', 'localhost:5000'],
    ['harbor:443', 'harbor:443'],
    ['[FD00::10]:5000', '[fd00::10]:5000'],
    ['[::1]', '[::1]'],
    ['harbor', undefined],
    ['library', undefined],
    ['harbor.local:0', undefined],
    ['harbor.local:65536', undefined],
    ['harbor.local:', undefined],
    ['-harbor.local', undefined],
    ['harbor..local', undefined],
    ['harbor_1.local', undefined],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['bücher.example', undefined],
    [`${'a'.repeat(64)}.local`, undefined],
  ];

  for (const [text, expected] of cases) {
    it(`${expected === undefined ? 'refuses' : 'accepts'} ${text} as a registry host`, () => {
      expect(normalizeHost(text)).toBe(expected);
    });
  }
});

describe('imageOf', () => {
  it('reads catalog data and refuses malformed data loudly', () => {
    expect(imageOf('registry.k8s.io/sig-storage/csi-attacher:v3.2.1').repository).toBe('sig-storage/csi-attacher');
    expect(() => imageOf('csi-attacher:v3.2.1')).toThrowError(/Invalid image reference in catalog data/);
  });
});
