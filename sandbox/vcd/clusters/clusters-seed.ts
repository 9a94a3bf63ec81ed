// CSE 4.x Kubernetes clusters in the VCD stand-in: the vmware:capvcdCluster types (1.2.0 for CSE
// 4.1, 1.3.0 for CSE 4.2), their rights as CSE's install creates them, and a few clusters in acme
// and globex whose status records are built from what CAPVCD writes (docs/domain.md#clusters):
// an image kubeadm cannot pull (one the sandbox registry deliberately lacks), a registry
// certificate the nodes do not trust, VCD's name not resolving, healthy clusters. Optionally N
// more clusters across the filler orgs for scale tests (`npm start -- --clusters N`).
import { randomUUID } from 'node:crypto';
import { newEtag } from '../entities/etag.js';
import { EntityRecord, JsonObject, SYSTEM_ADMINISTRATOR_ROLE, VcdState, typeRightNames } from '../core/model.js';
import { SANDBOX_SITE, clusterStatus, type ClusterFailure } from './cluster-status.js';

export { SANDBOX_SITE };

export const CAPVCD_TYPE_IDS = ['urn:vcloud:type:vmware:capvcdCluster:1.2.0', 'urn:vcloud:type:vmware:capvcdCluster:1.3.0'] as const;
export const K8S_INTERFACE_ID = 'urn:vcloud:interface:vmware:k8s:1.0.0';
export const KUBERNETES_BUNDLE = 'Kubernetes Clusters Rights Bundle';
/** Markers of the two secrets a cluster entity holds: the plug-in must never show them. */
export const SANDBOX_KUBECONFIG_MARKER = 'SANDBOX-KUBECONFIG-NOT-A-SECRET';
export const SANDBOX_API_TOKEN_MARKER = 'SANDBOX-API-TOKEN-NOT-A-SECRET';

export interface ClusterSeedOptions {
  /** containerRegistryUrl of the sandbox: the base the seeded clusters were created with. */
  readonly registryBase: string;
  /** Extra clusters across the filler orgs (0 by default). */
  readonly fillerClusters?: number;
}

/** Assumed: a minimal schema (the real one is terraform-provider-vcd's capvcd-type-schema-v1.3.0.json). */
const SCHEMA: JsonObject = {
  type: 'object',
  required: ['kind', 'metadata', 'apiVersion', 'spec'],
  properties: { kind: { type: 'string' }, metadata: { type: 'object' }, spec: { type: 'object' }, status: { type: 'object' } },
};

export function addCapvcdClusters(state: VcdState, options: ClusterSeedOptions): void {
  addTypesAndRights(state);
  const orgId = (name: string): string => state.orgs.find((org) => org.name === name)?.id ?? '';
  const userId = (name: string): string => state.users.find((user) => user.name === name)?.id ?? '';
  const base = options.registryBase;
  const seeded: readonly [string, string, string, ClusterFailure | undefined, string][] = [
    ['acme-prod', 'acme', 'acme-admin', { kind: 'imageMissing', image: `${base}/tkg/coredns:v1.10.1_vmware.7`, retries: 3 }, '1.3.0'],
    ['acme-dev', 'acme', 'acme-admin', undefined, '1.3.0'],
    // Owned by a user without the View right: acme's administrator reads it through Administrator View.
    ['acme-ci', 'acme', 'acme-user', { kind: 'vcdDns', site: SANDBOX_SITE }, '1.3.0'],
    [
      'globex-web',
      'globex',
      'globex-admin',
      { kind: 'untrusted', image: `${base}/tkg/kube-apiserver:v1.27.5_vmware.1`, loadBalancer: true },
      '1.3.0',
    ],
    ['globex-data', 'globex', 'globex-admin', undefined, '1.2.0'],
  ];
  for (const [name, org, owner, failure, version] of seeded) {
    state.entities.push(cluster(name, orgId(org), org, userId(owner), version, failure));
  }
  addFillerClusters(state, options.fillerClusters ?? 0, base, userId('administrator'));
}

function addTypesAndRights(state: VcdState): void {
  if (!state.interfaces.some((found) => found.id === K8S_INTERFACE_ID)) {
    state.interfaces.push({ id: K8S_INTERFACE_ID, name: 'Kubernetes', vendor: 'vmware', nss: 'k8s', version: '1.0.0', readonly: true });
  }
  for (const id of CAPVCD_TYPE_IDS) {
    const version = id.split(':').at(-1) ?? '';
    state.entityTypes.push({
      id,
      vendor: 'vmware',
      nss: 'capvcdCluster',
      version,
      name: 'CAPVCD Cluster',
      description: '',
      interfaces: [K8S_INTERFACE_ID],
      schema: SCHEMA,
    });
  }
  const rights = typeRightNames('vmware', 'capvcdCluster');
  for (const right of rights) {
    if (!state.rights.some((found) => found.name === right)) state.rights.push({ id: `urn:vcloud:right:${randomUUID()}`, name: right });
  }
  for (const role of state.roles.filter((found) => found.name === SYSTEM_ADMINISTRATOR_ROLE)) role.rights.push(...rights);
  // CSE 4.2's install (terraform-provider-vcd, vcd_rights_bundle.k8s_clusters_rights_bundle): published to all tenants.
  state.rightsBundles.push({
    id: `urn:vcloud:rightsBundle:${randomUUID()}`,
    name: KUBERNETES_BUNDLE,
    description: 'Rights bundle with required rights for managing Kubernetes clusters',
    bundleKey: 'com.vmware.vcloud.bundle.kubernetes.clusters.rights.bundle',
    readOnly: false,
    publishAll: true,
    tenantIds: [],
    rights: [...rights, 'vmware:VCDKEConfig: View'],
  });
  // "you will need Administrator View: VMWARE:CAPVCDCLUSTER to view all the clusters in your
  // organization" (CAPVCD docs/VCD_SETUP.md): the provider gives it to organization administrators.
  const orgAdmin = state.globalRoles.find((role) => role.name === 'Organization Administrator');
  orgAdmin?.rights.push('vmware:capvcdCluster: View', 'vmware:capvcdCluster: Administrator View');
}

function cluster(name: string, orgId: string, orgName: string, ownerId: string, version: string, failure?: ClusterFailure): EntityRecord {
  return {
    id: `urn:vcloud:entity:vmware:capvcdCluster:${randomUUID()}`,
    entityType: `urn:vcloud:type:vmware:capvcdCluster:${version}`,
    name,
    externalId: null,
    entity: {
      kind: 'CAPVCDCluster',
      apiVersion: 'capvcd.vmware.com/v1.1',
      metadata: { name, orgName, virtualDataCenterName: `${orgName}-vdc`, site: SANDBOX_SITE },
      spec: {
        capiYaml: `apiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\nmetadata:\n  name: ${name}\n  namespace: ${name}-ns\n`,
        vcdKe: { isVCDKECluster: true, markForDelete: false, autoRepairOnErrors: false, secure: { apiToken: SANDBOX_API_TOKEN_MARKER } },
      },
      status: clusterStatus(name, orgName, orgId, version === '1.2.0' ? '4.1.1' : '4.2.1', failure, SANDBOX_KUBECONFIG_MARKER),
    },
    state: 'RESOLVED',
    ownerId,
    orgId,
    etag: newEtag(),
  };
}

const FILLER_FAILURES = (base: string): readonly ClusterFailure[] => [
  { kind: 'imageMissing', image: `${base}/vmware-cloud-director/sig-storage/csi-resizer:v1.4.0`, retries: 2 },
  { kind: 'untrusted', image: `${base}/tkg/etcd:v3.5.7_vmware.6`, loadBalancer: false },
  { kind: 'vcdDns', site: SANDBOX_SITE },
  { kind: 'loadBalancer' },
];

/** cluster-0001… round-robin over the filler orgs (acme and globex when there are none); one in four failed. */
function addFillerClusters(state: VcdState, count: number, base: string, ownerId: string): void {
  if (!Number.isInteger(count) || count < 0) throw new Error(`fillerClusters must be a whole number ≥ 0, got ${count}`);
  const fillers = state.orgs.filter((org) => org.name.startsWith('tenant-'));
  const orgs = fillers.length > 0 ? fillers : state.orgs.filter((org) => org.name === 'acme' || org.name === 'globex');
  const width = Math.max(4, String(count).length);
  const failures = FILLER_FAILURES(base);
  for (let i = 0; i < count; i++) {
    const org = orgs[i % orgs.length];
    if (!org) break;
    const failure = i % 4 === 0 ? failures[(i / 4) % failures.length] : undefined;
    state.entities.push(cluster(`cluster-${String(i + 1).padStart(width, '0')}`, org.id, org.name, ownerId, '1.3.0', failure));
  }
}
