/*
 * The component versions of each CSE release (docs/domain.md#component-versions, from terraform-provider-vcd's CSE
 * examples) and the images each component brings. Data only: the catalog is built from these
 * rows, and the specs hold them against the dependency lists in reference/.
 */
import { FactSource } from './codes';

export const CSE_VERSIONS = ['4.1.x', '4.2.0', '4.2.1', '4.2.2', '4.2.3'] as const;
export type CseVersion = (typeof CSE_VERSIONS)[number];

/** The components whose versions VCDKEConfig records. */
export const VERSIONED_COMPONENTS = ['capvcd', 'cpi', 'csi', 'rdeProjector'] as const;
export type VersionedComponent = (typeof VERSIONED_COMPONENTS)[number];

export interface CseRelease {
  readonly version: CseVersion;
  /** The image tags: CAPVCD's carry a v, the others do not. */
  readonly tags: Readonly<Record<VersionedComponent, string>>;
  /**
   * What VCDKEConfig may record for this release, without the v; x stands for any number. The
   * table in docs/domain.md#component-versions gives ranges for 4.1.x only; elsewhere the tags themselves.
   */
  readonly accepts: Readonly<Record<VersionedComponent, string>>;
  readonly capvcdClusterType: string;
  /** Where the tags come from. */
  readonly source: FactSource;
}

const VERSIONS_TABLE: FactSource = { kind: 'designTable', ref: 'docs/domain.md#component-versions' };

export const CSE_RELEASES: readonly CseRelease[] = [
  {
    version: '4.1.x',
    // The table says 1.1.x / 1.4.x / 1.4.x; the tags are the ones terraform-provider-vcd's 4.1 example installs.
    tags: { capvcd: 'v1.1.0', cpi: '1.4.0', csi: '1.4.0', rdeProjector: '0.6.0' },
    accepts: { capvcd: '1.1.x', cpi: '1.4.x', csi: '1.4.x', rdeProjector: '0.6.0' },
    capvcdClusterType: '1.2.0',
    source: {
      kind: 'upstream',
      ref: 'https://github.com/vmware/terraform-provider-vcd/blob/main/examples/container-service-extension/v4.1/install/step1/terraform.tfvars.example',
    },
  },
  release('4.2.0', { capvcd: 'v1.2.0', cpi: '1.5.0', csi: '1.5.0', rdeProjector: '0.7.0' }),
  release('4.2.1', { capvcd: 'v1.3.0', cpi: '1.6.0', csi: '1.6.0', rdeProjector: '0.7.0' }),
  release('4.2.2', { capvcd: 'v1.3.0', cpi: '1.6.0', csi: '1.6.0', rdeProjector: '0.7.1' }),
  release('4.2.3', { capvcd: 'v1.3.2', cpi: '1.6.1', csi: '1.6.0', rdeProjector: '0.7.1' }),
];

function release(version: CseVersion, tags: Record<VersionedComponent, string>): CseRelease {
  const accepts = { ...tags, capvcd: tags.capvcd.replace(/^v/, '') };
  return { version, tags, accepts, capvcdClusterType: '1.3.0', source: VERSIONS_TABLE };
}

export function cseRelease(version: CseVersion): CseRelease {
  const found = CSE_RELEASES.find((row) => row.version === version);
  if (found === undefined) {
    throw new Error(`No data for CSE ${version}`);
  }
  return found;
}

/** The image of each component under projects.registry.vmware.com/vmware-cloud-director, and its airgap artifact image. */
export const COMPONENT_IMAGES: Readonly<Record<VersionedComponent, { readonly repository: string; readonly artifact?: string }>> = {
  capvcd: { repository: 'cluster-api-provider-cloud-director', artifact: 'capvcd-manifest-airgapped' },
  cpi: { repository: 'cloud-provider-for-cloud-director', artifact: 'cpi-crs-airgapped' },
  csi: { repository: 'cloud-director-named-disk-csi-driver', artifact: 'csi-crs-airgapped' },
  rdeProjector: { repository: 'rde-projector' },
};

/** Where each component's image name comes from: its dependency list, or docs/domain.md#component-versions for the projector. */
export const COMPONENT_SOURCES: Readonly<Record<VersionedComponent, (tag: string) => FactSource>> = {
  capvcd: (tag) => referenceOrUpstream('capvcd', tag, 'vmware/cluster-api-provider-cloud-director'),
  cpi: (tag) => referenceOrUpstream('cpi', tag, 'vmware/cloud-provider-for-cloud-director'),
  csi: (tag) => referenceOrUpstream('csi', tag, 'vmware/cloud-director-named-disk-csi-driver'),
  rdeProjector: () => VERSIONS_TABLE,
};

/** The airgap artifact images: docs/domain.md#airgap-artifacts names them, each project's Makefile builds them (ARTIFACT_IMG). */
export const ARTIFACT_SOURCE: FactSource = { kind: 'designTable', ref: 'docs/domain.md#airgap-artifacts' };

/** The dependency lists kept in reference/dependencies/, per component. */
export const REFERENCE_DEPENDENCY_LISTS: Readonly<Record<'capvcd' | 'cpi' | 'csi', readonly string[]>> = {
  capvcd: ['v1.2.0', 'v1.3.0', 'v1.3.2'],
  cpi: ['1.5.0', '1.6.0', '1.6.1'],
  csi: ['1.5.0', '1.6.0'],
};

function referenceOrUpstream(component: 'capvcd' | 'cpi' | 'csi', tag: string, repository: string): FactSource {
  return REFERENCE_DEPENDENCY_LISTS[component].includes(tag)
    ? { kind: 'referenceFile', ref: `reference/dependencies/${component}-${tag}.txt.template` }
    : { kind: 'upstream', ref: `https://github.com/${repository}/blob/${tag}/artifacts/dependencies.txt.template` };
}

/**
 * The registry.k8s.io sidecars each CSI release lists in its dependencies.txt. The airgapped CSI
 * manifests expect them under <base>/vmware-cloud-director/sig-storage/.
 */
export const CSI_SIDECARS: readonly { readonly csi: string; readonly images: readonly string[]; readonly source: FactSource }[] = [
  {
    // Not in reference/: read from the upstream tag (the same three as 1.5.0).
    csi: '1.4.0',
    images: [
      'registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.2.0',
      'registry.k8s.io/sig-storage/csi-attacher:v3.2.1',
      'registry.k8s.io/sig-storage/csi-provisioner:v2.2.2',
    ],
    source: referenceOrUpstream('csi', '1.4.0', 'vmware/cloud-director-named-disk-csi-driver'),
  },
  {
    csi: '1.5.0',
    images: [
      'registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.2.0',
      'registry.k8s.io/sig-storage/csi-attacher:v3.2.1',
      'registry.k8s.io/sig-storage/csi-provisioner:v2.2.2',
    ],
    source: referenceOrUpstream('csi', '1.5.0', 'vmware/cloud-director-named-disk-csi-driver'),
  },
  {
    csi: '1.6.0',
    images: [
      'registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.2.0',
      'registry.k8s.io/sig-storage/csi-attacher:v3.2.1',
      'registry.k8s.io/sig-storage/csi-provisioner:v2.2.2',
      'registry.k8s.io/sig-storage/csi-resizer:v1.4.0',
    ],
    source: referenceOrUpstream('csi', '1.6.0', 'vmware/cloud-director-named-disk-csi-driver'),
  },
];

/** The TKG images kubeadm pulls from <base>/tkg (imageRepository = containerRegistryUrl + "/tkg"). */
export const KUBERNETES_IMAGES = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy'] as const;
export const ETCD_IMAGE = 'etcd';
export const COREDNS_IMAGE = 'coredns';
export const PLUGIN_INVENTORY_TAG = 'latest';
export const PLUGIN_INVENTORY_SOURCE_REF: FactSource = { kind: 'designTable', ref: 'docs/domain.md#plugin-inventory' };
