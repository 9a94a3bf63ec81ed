import { bareMediaType, findElsewhere, findNearMiss, isCheckableImage, manifestKindOf, missingResult } from './reference-rules';

describe('reference rules', () => {
  describe('findNearMiss', () => {
    const cases: ReadonlyArray<[string, string[], string | undefined, string]> = [
      ['1.6.0', ['v1.6.0'], 'v1.6.0', 'a leading v added'],
      ['v1.3.0', ['1.3.0'], '1.3.0', 'a leading v dropped'],
      ['v1.27.5+vmware.1', ['v1.27.5_vmware.1'], 'v1.27.5_vmware.1', '+ written as _'],
      ['v1.27.5_vmware.1', ['V1.27.5+VMWARE.1'], 'V1.27.5+VMWARE.1', 'case and +'],
      ['v1.10.1_vmware.7', ['v1.10.1_vmware.12'], 'v1.10.1_vmware.12', 'the same version with another build is a near miss'],
      ['v1.10.1_vmware.7', ['v1.9.3_vmware.16'], undefined, 'another version is no near miss'],
      ['1.6.0', ['1.6.0'], undefined, 'the tag itself is no near miss'],
      ['1.6.0', ['v1.6.0', 'V1.6.0'], 'V1.6.0', 'several: the first in sort order'],
      ['1.6.0', ['vv1.6.0'], undefined, 'only one leading v'],
      ['sha256:abc', ['sha256:ABC'], undefined, 'digests have no near misses'],
    ];
    for (const [wanted, existing, expected, why] of cases) {
      it(`${why}: ${wanted} in [${existing.join(', ')}] → ${expected ?? 'none'}`, () => {
        expect(findNearMiss(wanted, existing)).toBe(expected);
      });
    }
  });

  describe('findElsewhere', () => {
    const known = [
      'cse/cloud-provider-for-cloud-director',
      'cse/vmware-cloud-director/sig-storage/csi-attacher',
      'other/tkg/etcd',
      'cse/tkg/etcd',
    ];
    const cases: ReadonlyArray<[string, string[]]> = [
      ['cse/vmware-cloud-director/cloud-provider-for-cloud-director', ['cse/cloud-provider-for-cloud-director']],
      ['cse/tkg/etcd', ['other/tkg/etcd']],
      ['cse/vmware-cloud-director/csi-attacher', ['cse/vmware-cloud-director/sig-storage/csi-attacher']],
      ['cse/vmware-cloud-director/sig-storage/csi-resizer', []],
    ];
    for (const [repository, expected] of cases) {
      it(`finds [${expected.join(', ')}] for ${repository}`, () => expect(findElsewhere(repository, known)).toEqual(expected));
    }
  });

  describe('isCheckableImage', () => {
    const cases: ReadonlyArray<[string, string, boolean]> = [
      ['cse/tkg/kube-proxy', 'v1.27.5_vmware.1', true],
      ['cse/tanzu_cli/plugins/plugin-inventory', 'latest', true],
      ['cse/vmware-cloud-director/sig-storage/csi-attacher', 'v3.2.1', true],
      ['cse/tkg/etcd', `sha256:${'a'.repeat(64)}`, true],
      ['etcd', 'v1', false],
      ['cse/TKG/etcd', 'v1', false],
      ['cse//etcd', 'v1', false],
      ['cse/tkg/etcd', '-v1', false],
      ['cse/tkg/etcd', 'v1;rm -rf /', false],
      ['cse/tkg/etcd', 'v1.27.5+vmware.1', false],
      ['https://evil.example.com/x', 'v1', false],
      ['cse/../etcd', 'v1', false],
    ];
    for (const [repository, reference, expected] of cases) {
      it(`${expected ? 'accepts' : 'refuses'} ${repository} ${reference}`, () => {
        expect(isCheckableImage({ id: 'x', repository, reference })).toBe(expected);
      });
    }
  });

  describe('media types', () => {
    const cases: ReadonlyArray<[string | null, string | undefined, 'manifest' | 'index']> = [
      ['application/vnd.oci.image.index.v1+json', 'application/vnd.oci.image.index.v1+json', 'index'],
      ['application/vnd.docker.distribution.manifest.list.v2+json', 'application/vnd.docker.distribution.manifest.list.v2+json', 'index'],
      ['application/vnd.oci.image.manifest.v1+json; charset=utf-8', 'application/vnd.oci.image.manifest.v1+json', 'manifest'],
      ['application/vnd.docker.distribution.manifest.v2+json', 'application/vnd.docker.distribution.manifest.v2+json', 'manifest'],
      [null, undefined, 'manifest'],
    ];
    for (const [contentType, bare, kind] of cases) {
      it(`reads ${contentType} as ${kind}`, () => {
        expect(bareMediaType(contentType)).toBe(bare);
        expect(manifestKindOf(bare)).toBe(kind);
      });
    }
  });

  describe('missingResult', () => {
    const wanted = { id: 'x', repository: 'cse/tkg/coredns', reference: 'v1.10.1_vmware.7' };

    it('sorts and deduplicates the tags that exist', () => {
      expect(missingResult(wanted, ['b', 'a', 'b'])).toEqual({ status: 'missing', image: wanted, existingTags: ['a', 'b'] });
    });

    it('leaves the tags out when they are unknown', () => {
      expect(missingResult(wanted, undefined)).toEqual({ status: 'missing', image: wanted });
    });
  });
});
