import { DERIVED_PATHS } from '../../registry/domain';
import { airgapManifestImages, dependencyList } from '../testing/reference-data';
import { readDependencyFile } from './dependency-file';
import { ComponentGroup, DESTINATION_RULES, destinationOf, destinationUnderBase, findDestinationRule, groupOf } from './destination-rules';
import { ImageReference, parseImageReference } from './image-reference';

const BASE = 'harbor.corp.local/cse';
const HEX = '0123456789abcdef'.repeat(4);

interface MappedCase {
  readonly line: string;
  readonly destination: string;
  readonly group: ComponentGroup;
}

const mappedCases: readonly MappedCase[] = [
  {
    line: 'projects.registry.vmware.com/vmware-cloud-director cluster-api-provider-cloud-director v1.3.0',
    destination: 'vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0',
    group: 'capvcd',
  },
  {
    line: 'projects.registry.vmware.com vmware-cloud-director/cluster-api-provider-cloud-director v1.3.0',
    destination: 'vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0',
    group: 'capvcd',
  },
  {
    line: '__REGISTRY__ vmware-cloud-director/cluster-api-provider-cloud-director v1.4.0',
    destination: 'vmware-cloud-director/cluster-api-provider-cloud-director:v1.4.0',
    group: 'capvcd',
  },
  {
    line: '__REGISTRY__ cloud-provider-for-cloud-director 1.6.1',
    destination: 'vmware-cloud-director/cloud-provider-for-cloud-director:1.6.1',
    group: 'cpi',
  },
  {
    line: '__REGISTRY__ cloud-director-named-disk-csi-driver 1.6.0',
    destination: 'vmware-cloud-director/cloud-director-named-disk-csi-driver:1.6.0',
    group: 'csi',
  },
  { line: '__REGISTRY__ rde-projector 0.7.1', destination: 'vmware-cloud-director/rde-projector:0.7.1', group: 'rdeProjector' },
  {
    line: '__REGISTRY__ capvcd-manifest-airgapped v1.3.0',
    destination: 'vmware-cloud-director/capvcd-manifest-airgapped:v1.3.0',
    group: 'airgapArtifacts',
  },
  { line: '__REGISTRY__ cpi-crs-airgapped 1.6.0', destination: 'vmware-cloud-director/cpi-crs-airgapped:1.6.0', group: 'airgapArtifacts' },
  { line: '__REGISTRY__ csi-crs-airgapped 1.6.0', destination: 'vmware-cloud-director/csi-crs-airgapped:1.6.0', group: 'airgapArtifacts' },
  {
    line: '__REGISTRY__ getting-started-airgapped v0.1.3',
    destination: 'vmware-cloud-director/getting-started-airgapped:v0.1.3',
    group: 'other',
  },
  {
    line: 'registry.k8s.io sig-storage/csi-attacher v3.2.1',
    destination: 'vmware-cloud-director/sig-storage/csi-attacher:v3.2.1',
    group: 'csiSidecars',
  },
  {
    line: 'registry.k8s.io sig-storage/csi-resizer v1.4.0',
    destination: 'vmware-cloud-director/sig-storage/csi-resizer:v1.4.0',
    group: 'csiSidecars',
  },
  {
    line: 'projects.registry.vmware.com/tkg/kube-apiserver:v1.28.4_vmware.1',
    destination: 'tkg/kube-apiserver:v1.28.4_vmware.1',
    group: 'tkg',
  },
  { line: `projects.registry.vmware.com/tkg/etcd@sha256:${HEX}`, destination: `tkg/etcd@sha256:${HEX}`, group: 'tkg' },
  {
    line: 'projects.registry.vmware.com/tanzu_cli/plugins/plugin-inventory:latest',
    destination: 'tanzu_cli/plugins/plugin-inventory:latest',
    group: 'tanzuCli',
  },
];

const unmappedCases: readonly string[] = [
  'docker.io/library/nginx:1.25',
  'registry.k8s.io/pause:3.9',
  'registry.k8s.io/sig-storage-extra/csi-attacher:v1',
  'projects.registry.vmware.com/tkg-extra/etcd:v3',
  'projects-stg.registry.vmware.com/vmware-cloud-director/rde-projector:0.7.1',
  'projects.registry.vmware.com/tanzu_cli/plugins/plugin-inventory-extra:latest',
  'harbor.corp.local/cse/vmware-cloud-director/rde-projector:0.7.1',
];

function imageOfLine(line: string): ImageReference {
  const reading = readDependencyFile(line);
  const image = reading.kind === 'parsed' ? reading.images[0]?.image : undefined;
  if (image === undefined) {
    throw new Error(`not an image line: ${line}`);
  }
  return image;
}

function image(text: string): ImageReference {
  const result = parseImageReference(text);
  if (!result.ok) {
    throw new Error(`not a reference: ${text}`);
  }
  return result.image;
}

describe('destinationOf', () => {
  describe('when a rule claims the source', () => {
    for (const { line, destination, group } of mappedCases) {
      it(`puts ${line} at <base>/${destination} (${group})`, () => {
        const result = destinationOf(imageOfLine(line), BASE);
        expect(result.kind === 'mapped' && [result.image.reference, result.group]).toEqual([`${BASE}/${destination}`, group]);
      });
    }

    it('splits the destination into the base host and a repository that includes the base path', () => {
      expect(destinationOf(image('registry.k8s.io/sig-storage/csi-attacher:v3.2.1'), 'harbor.corp.local:8443/cse/mirror')).toEqual({
        kind: 'mapped',
        group: 'csiSidecars',
        pathUnderBase: 'vmware-cloud-director/sig-storage/csi-attacher',
        image: {
          registry: 'harbor.corp.local:8443',
          repository: 'cse/mirror/vmware-cloud-director/sig-storage/csi-attacher',
          tag: 'v3.2.1',
          reference: 'harbor.corp.local:8443/cse/mirror/vmware-cloud-director/sig-storage/csi-attacher:v3.2.1',
        },
      });
    });

    it('works with a base that has no project path', () => {
      const result = destinationOf(image('projects.registry.vmware.com/tkg/etcd:v3.5.10_vmware.1'), 'harbor.local');
      expect(result.kind === 'mapped' && result.image).toEqual(
        jasmine.objectContaining({ registry: 'harbor.local', repository: 'tkg/etcd', reference: 'harbor.local/tkg/etcd:v3.5.10_vmware.1' }),
      );
    });
  });

  describe('when no rule claims the source', () => {
    for (const text of unmappedCases) {
      it(`reports ${text} as unmapped instead of guessing`, () => {
        expect(destinationOf(image(text), BASE)).toEqual({ kind: 'unmapped', code: 'unmapped' });
        expect(destinationUnderBase(image(text))).toBeUndefined();
        expect(groupOf(image(text))).toBe('other');
      });
    }
  });

  describe('against the airgapped manifests in reference/', () => {
    const manifests = [
      { list: dependencyList('cpi', '1.6.0'), manifest: 'reference/dependencies/cpi-1.6.0-ccm-crs-airgap.yaml.template' },
      { list: dependencyList('csi', '1.6.0'), manifest: 'reference/dependencies/csi-1.6.0-controller-crs-airgap.yaml.template' },
    ] as const;

    for (const { list, manifest } of manifests) {
      it(`puts every image ${manifest} pulls where it expects it`, () => {
        const reading = readDependencyFile(list.text, { version: list.version });
        const destinations = reading.kind === 'parsed' ? reading.images.map((line) => destinationOf(line.image, BASE)) : [];
        const mapped = destinations.flatMap((destination) => (destination.kind === 'mapped' ? [destination.image.reference] : []));
        const expected = airgapManifestImages(manifest, { registry: `${BASE}/vmware-cloud-director`, version: list.version });
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.filter((reference) => !mapped.includes(reference))).toEqual([]);
      });
    }
  });
});

describe('DESTINATION_RULES', () => {
  it('only ever points at the three paths CSE derives from the base', () => {
    const derived = [DERIVED_PATHS.vmwareCloudDirector, DERIVED_PATHS.tkg, DERIVED_PATHS.pluginInventory.replace(/:latest$/, '')];
    const stray = DESTINATION_RULES.filter(
      ({ destinationPrefix }) => !derived.some((path) => destinationPrefix === path || destinationPrefix.startsWith(`${path}/`)),
    );
    expect(stray).toEqual([]);
  });

  it('has no rule hidden behind an earlier, broader one', () => {
    DESTINATION_RULES.forEach((rule, index) => {
      const [registry = '', ...path] = rule.match.split('/');
      expect(findDestinationRule({ registry, repository: path.join('/') }))
        .withContext(rule.match)
        .toBe(DESTINATION_RULES[index]);
    });
  });
});
