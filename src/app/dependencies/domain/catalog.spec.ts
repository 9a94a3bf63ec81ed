import { DEPENDENCY_LIST_FILES } from '../testing/reference-data';
import { REFERENCE_FILES } from '../testing/reference-files';
import { CatalogEntry, buildCatalog, mergeCatalog, tkgImages } from './catalog';
import { CSE_RELEASES, CSE_VERSIONS } from './cse-releases';
import { readDependencyFile } from './dependency-file';
import { COMPONENT_GROUPS, ComponentGroup, destinationOf } from './destination-rules';
import { TKG_RELEASES, findTkr, supportedTkrs } from './tkg-releases';

const VCD = 'projects.registry.vmware.com/vmware-cloud-director';
const TKG = 'projects.registry.vmware.com/tkg';

function allTkrs(cse: (typeof CSE_VERSIONS)[number]): string[] {
  return supportedTkrs(cse).map(({ tkr }) => tkr);
}

function references(entries: readonly CatalogEntry[], group?: ComponentGroup): string[] {
  return entries.filter((entry) => group === undefined || entry.group === group).map(({ image }) => image.reference);
}

function countsByGroup(entries: readonly CatalogEntry[]): Partial<Record<ComponentGroup, number>> {
  const counts: Partial<Record<ComponentGroup, number>> = {};
  entries.forEach(({ group }) => (counts[group] = (counts[group] ?? 0) + 1));
  return counts;
}

describe('buildCatalog', () => {
  describe('for CSE 4.2.1 with every TKR it supports', () => {
    const catalog = buildCatalog('4.2.1', allTkrs('4.2.1'));

    it('lists 69 images: 12 for CSE itself and 57 for the 12 TKRs', () => {
      expect(countsByGroup(catalog)).toEqual({
        capvcd: 1,
        cpi: 1,
        csi: 1,
        csiSidecars: 4,
        rdeProjector: 1,
        airgapArtifacts: 3,
        tkg: 57,
        tanzuCli: 1,
      });
      expect(new Set(references(catalog)).size).toBe(69);
    });

    it('pins the CSE components at the versions of the table in docs/domain.md#component-versions', () => {
      expect(references(catalog, 'capvcd')).toEqual([`${VCD}/cluster-api-provider-cloud-director:v1.3.0`]);
      expect(references(catalog, 'cpi')).toEqual([`${VCD}/cloud-provider-for-cloud-director:1.6.0`]);
      expect(references(catalog, 'csi')).toEqual([`${VCD}/cloud-director-named-disk-csi-driver:1.6.0`]);
      expect(references(catalog, 'rdeProjector')).toEqual([`${VCD}/rde-projector:0.7.0`]);
      expect(references(catalog, 'airgapArtifacts')).toEqual([
        `${VCD}/capvcd-manifest-airgapped:v1.3.0`,
        `${VCD}/cpi-crs-airgapped:1.6.0`,
        `${VCD}/csi-crs-airgapped:1.6.0`,
      ]);
      expect(references(catalog, 'tanzuCli')).toEqual(['projects.registry.vmware.com/tanzu_cli/plugins/plugin-inventory:latest']);
    });

    it('takes the sidecars from CSI 1.6.0, resizer included', () => {
      expect(references(catalog, 'csiSidecars')).toEqual([
        'registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.2.0',
        'registry.k8s.io/sig-storage/csi-attacher:v3.2.1',
        'registry.k8s.io/sig-storage/csi-provisioner:v2.2.2',
        'registry.k8s.io/sig-storage/csi-resizer:v1.4.0',
      ]);
    });

    it('lists the TKG images of Kubernetes 1.28.4 (TKG 2.5.0) with the tags of tkg_versions.json', () => {
      const tkg = references(catalog, 'tkg');
      expect(tkg).toEqual(
        jasmine.arrayContaining([
          `${TKG}/kube-apiserver:v1.28.4_vmware.1`,
          `${TKG}/kube-controller-manager:v1.28.4_vmware.1`,
          `${TKG}/kube-scheduler:v1.28.4_vmware.1`,
          `${TKG}/kube-proxy:v1.28.4_vmware.1`,
          `${TKG}/etcd:v3.5.10_vmware.1`,
          `${TKG}/coredns:v1.10.1_vmware.13`,
          `${TKG}/kube-proxy:v1.23.17_vmware.1`,
        ]),
      );
      expect(tkg.filter((reference) => reference.includes('v1.30.2'))).toEqual([]);
      expect(tkg.filter((reference) => reference.includes('/pause:'))).toEqual([]);
    });

    it('files the entries in the order of the component groups', () => {
      const order = catalog.map(({ group }) => COMPONENT_GROUPS.indexOf(group));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });
  });

  describe('for every CSE release', () => {
    for (const version of CSE_VERSIONS) {
      const release = CSE_RELEASES.find((row) => row.version === version);
      const catalog = buildCatalog(version, allTkrs(version));

      it(`${version}: puts every image somewhere under the base and says where it comes from`, () => {
        const unmapped = catalog.filter(({ image }) => destinationOf(image, 'harbor.local/cse').kind === 'unmapped');
        expect(unmapped).toEqual([]);
        const unknownFiles = catalog
          .map(({ source }) => source)
          .filter(
            ({ kind, ref }) => kind === 'referenceFile' && !(ref.split('#')[0] === 'reference/tkg_versions.json' || ref in REFERENCE_FILES),
          );
        expect(unknownFiles).toEqual([]);
        expect(catalog.every(({ source }) => source.ref !== '')).toBeTrue();
      });

      it(`${version}: holds every image of the reference dependency lists for its CAPVCD, CPI and CSI`, () => {
        const lists = DEPENDENCY_LIST_FILES.filter(({ component, version: tag }) => release?.tags[component] === tag);
        const listed = lists.flatMap(({ text, version: tag }) => {
          const reading = readDependencyFile(text, { version: tag });
          return reading.kind === 'parsed' ? reading.images.map(({ image }) => image.reference) : [];
        });
        expect(listed.filter((reference) => !references(catalog).includes(reference))).toEqual([]);
        expect(lists.length).toBe(version === '4.1.x' ? 0 : 3);
      });

      it(`${version}: ends with the Tanzu CLI plugin inventory`, () => {
        expect(catalog[catalog.length - 1]?.image.reference).toBe('projects.registry.vmware.com/tanzu_cli/plugins/plugin-inventory:latest');
      });

      it(`${version}: cites the repository's own documentation by section, for the facts no public file lists`, () => {
        const documented = catalog.map(({ source }) => source).filter(({ kind }) => kind === 'designTable');
        expect(documented.length).toBeGreaterThan(0);
        expect(documented.filter(({ ref }) => !/^docs\/domain\.md#[a-z]+(-[a-z]+)*$/.test(ref))).toEqual([]);
      });
    }

    it('takes each CSI release sidecars exactly from its reference dependency list', () => {
      for (const csi of ['1.5.0', '1.6.0']) {
        const version = CSE_RELEASES.find((row) => row.tags.csi === csi)?.version ?? '4.2.1';
        const file = DEPENDENCY_LIST_FILES.find((list) => list.component === 'csi' && list.version === csi);
        const reading = readDependencyFile(file?.text ?? '', { version: csi });
        const sidecars =
          reading.kind === 'parsed'
            ? reading.images.map(({ image }) => image.reference).filter((ref) => ref.startsWith('registry.k8s.io/'))
            : [];
        expect(references(buildCatalog(version, []), 'csiSidecars'))
          .withContext(csi)
          .toEqual(sidecars);
      }
    });
  });

  describe('when the user picks TKRs', () => {
    it('adds nothing for Kubernetes when none is picked', () => {
      expect(references(buildCatalog('4.2.1', []), 'tkg')).toEqual([]);
    });

    it('adds six images per TKR, once for images two TKRs share', () => {
      const tkg24 = 'v1.26.8---vmware.1-tkg.1';
      const tkg231 = 'v1.26.8---vmware.1-tkg.2';
      expect(findTkr(tkg24)?.kubernetes).toBe(findTkr(tkg231)?.kubernetes);
      expect(references(buildCatalog('4.2.1', [tkg24]), 'tkg').length).toBe(6);
      expect(references(buildCatalog('4.2.1', [tkg24, tkg231]), 'tkg').length).toBe(6);
      // Kubernetes 1.25.13 of TKG 2.4.0 shares etcd and CoreDNS with 1.26.8.
      expect(references(buildCatalog('4.2.1', [tkg24, 'v1.25.13---vmware.1-tkg.1']), 'tkg').length).toBe(10);
    });

    it('ignores a TKR name it has no data for', () => {
      expect(references(buildCatalog('4.2.1', ['v9.9.9---vmware.1-tkg.1']), 'tkg')).toEqual([]);
    });

    it('cites the OVA entry of tkg_versions.json for each TKG image', () => {
      const [first] = buildCatalog('4.2.1', ['v1.28.4---vmware.1-tkg.1-rc.5']).filter(({ group }) => group === 'tkg');
      expect(first?.source).toEqual({
        kind: 'referenceFile',
        ref: 'reference/tkg_versions.json#v1.28.4+vmware.1-tkg.1-1e7baa840b8869c8bdce0cafff0da59d',
      });
    });
  });
});

describe('tkgImages', () => {
  it('writes the Kubernetes version with _ for +, and takes etcd and CoreDNS from the map', () => {
    const tkr = TKG_RELEASES.find(({ tkr: name }) => name === 'v1.25.7---vmware.2-tkg.1');
    expect(tkr && tkgImages(tkr).map(({ reference }) => reference)).toEqual([
      `${TKG}/kube-apiserver:v1.25.7_vmware.2`,
      `${TKG}/kube-controller-manager:v1.25.7_vmware.2`,
      `${TKG}/kube-scheduler:v1.25.7_vmware.2`,
      `${TKG}/kube-proxy:v1.25.7_vmware.2`,
      `${TKG}/etcd:v3.5.6_vmware.9`,
      `${TKG}/coredns:v1.9.3_vmware.8`,
    ]);
  });
});

describe('mergeCatalog', () => {
  const catalog = buildCatalog('4.2.1', []);
  const userFile = readDependencyFile(
    [
      'projects.registry.vmware.com vmware-cloud-director/cluster-api-provider-cloud-director v1.3.0',
      'registry.k8s.io sig-storage/livenessprobe v2.10.0',
      'registry.k8s.io sig-storage/livenessprobe v2.10.0',
      '# registry.k8s.io sig-storage/csi-resizer v1.4.0',
      '# registry.k8s.io sig-storage/snapshot-controller v6.2.1',
      'docker.io/library/busybox:1.36',
    ].join('\n'),
  );

  it('replaces the catalog with the file, one entry per image, skipped ones kept and marked', () => {
    const merged = mergeCatalog(catalog, userFile, 'replace', 'my-deps.txt');
    expect(merged.map(({ image, group, skippedByUser }) => [image.reference, group, skippedByUser ?? false])).toEqual([
      [`${VCD}/cluster-api-provider-cloud-director:v1.3.0`, 'capvcd', false],
      ['registry.k8s.io/sig-storage/livenessprobe:v2.10.0', 'csiSidecars', false],
      ['docker.io/library/busybox:1.36', 'other', false],
      ['registry.k8s.io/sig-storage/csi-resizer:v1.4.0', 'csiSidecars', true],
      ['registry.k8s.io/sig-storage/snapshot-controller:v6.2.1', 'csiSidecars', true],
    ]);
    expect(merged[1]?.source).toEqual({ kind: 'userFile', ref: 'my-deps.txt', line: 2 });
    expect(merged[1]?.alsoListedIn).toEqual([{ kind: 'userFile', ref: 'my-deps.txt', line: 3 }]);
  });

  it('extends the catalog with the other images of the file, merging the ones both list', () => {
    const merged = mergeCatalog(catalog, userFile, 'extend');
    expect(merged.length).toBe(catalog.length + 3);
    const capvcd = merged.find(({ group }) => group === 'capvcd');
    expect(capvcd?.source.kind).toBe('referenceFile');
    expect(capvcd?.alsoListedIn).toEqual([{ kind: 'userFile', ref: 'dependencies.txt', line: 1 }]);
    const resizer = merged.find(({ image }) => image.reference.endsWith('csi-resizer:v1.4.0'));
    expect(resizer?.skippedByUser).toBeTrue();
    expect(resizer?.source.kind).toBe('referenceFile');
    expect(merged.filter(({ skippedByUser }) => skippedByUser).length).toBe(2);
  });

  it('merges images that land in the same place, whatever shape named them', () => {
    const shapes = readDependencyFile(
      [
        'projects.registry.vmware.com/vmware-cloud-director cluster-api-provider-cloud-director v1.3.0',
        '__REGISTRY__ vmware-cloud-director/cluster-api-provider-cloud-director v1.3.0',
        `${VCD}/cluster-api-provider-cloud-director:v1.3.0`,
      ].join('\n'),
    );
    const merged = mergeCatalog([], shapes, 'replace');
    expect(merged.length).toBe(1);
    expect(merged[0]?.alsoListedIn?.map(({ line }) => line)).toEqual([2, 3]);
  });

  it('keeps the catalog when the file was refused, and has nothing to replace it with', () => {
    const refused = readDependencyFile(new Uint8Array([0]));
    expect(mergeCatalog(catalog, refused, 'extend')).toEqual(catalog);
    expect(mergeCatalog(catalog, refused, 'replace')).toEqual([]);
  });
});
