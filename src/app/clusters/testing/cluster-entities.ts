/*
 * Cluster entities as VCD returns them (DefinedEntity of vmware:capvcdCluster:1.3.0), with status
 * records in the shapes CAPVCD writes (docs/domain.md#cluster-entries) and the texts kubeadm, containerd
 * and Go print. Each carries a kubeconfig and an API token so that specs can prove they go nowhere.
 */

export const SECRET_KUBECONFIG = 'apiVersion: v1\nkind: Config\nusers: [{name: admin, user: {token: KUBECONFIG-SECRET-7f3a}}]';
export const SECRET_API_TOKEN = 'API-TOKEN-SECRET-91bc';

export const REGISTRY = 'harbor.corp.local';
export const BASE = `${REGISTRY}/cse`;

export interface EntryInput {
  readonly name: string;
  readonly occurredAt?: string;
  readonly vcdResourceName?: string;
  readonly error?: string;
  readonly additionalDetails?: unknown;
}

export function errorEntry(input: EntryInput): Record<string, unknown> {
  return {
    name: input.name,
    occurredAt: input.occurredAt ?? '2025-01-13T10:41:07.000Z',
    vcdResourceId: '',
    vcdResourceName: input.vcdResourceName ?? 'cluster-control-plane-x7k2p',
    additionalDetails: input.additionalDetails ?? (input.error === undefined ? undefined : { error: input.error }),
  };
}

/** kubeadm's preflight failure for one image, inside CAPVCD's script failure text. */
export function kubeadmPullFailure(reference: string, cause: string): string {
  return [
    'script failed with status [1] and reason [Mon Jan 13 10:41:07 UTC 2025 118 /root/control_plane.sh: kubeadm init --config /run/kubeadm/kubeadm.yaml',
    '[preflight] Some fatal errors occurred:',
    `\t[ERROR ImagePull]: failed to pull image ${reference}: output: E0113 10:41:05.123456    2345 remote_image.go:180] "PullImage from image service failed" err="rpc error: code = ${cause}"`,
    '[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`',
    'error execution phase preflight: preflight checks failed]',
  ].join('\n');
}

export const notFound = (reference: string): string =>
  `NotFound desc = failed to pull and unpack image \\"${reference}\\": failed to resolve reference \\"${reference}\\": ${reference}: not found`;

export const unknownAuthority = (reference: string, path: string): string =>
  `Unknown desc = failed to pull and unpack image \\"${reference}\\": failed to resolve reference \\"${reference}\\": failed to do request: Head \\"https://${REGISTRY}/v2/${path}\\": tls: failed to verify certificate: x509: certificate signed by unknown authority`;

export interface ClusterInput {
  readonly id?: string;
  readonly name?: string;
  readonly org?: { readonly id: string; readonly name: string };
  readonly state?: string;
  readonly errors?: readonly unknown[];
  readonly events?: readonly unknown[];
  readonly status?: unknown;
  readonly entityType?: string;
}

export function clusterEntity(input: ClusterInput = {}): Record<string, unknown> {
  const status =
    input.status !== undefined
      ? input.status
      : {
          vcdKe: { state: input.state ?? 'error', vcdKeVersion: '4.2.1' },
          capvcd: {
            phase: input.state === 'provisioned' ? 'Provisioned' : 'Provisioning',
            kubernetes: 'v1.27.5+vmware.1',
            errorSet: input.errors ?? [],
            eventSet: input.events ?? [
              { name: 'InfraVappAvailable', occurredAt: '2025-01-13T10:30:00Z', additionalDetails: { event: 'vApp ok' } },
            ],
            vcdProperties: { site: 'https://vcd.example.com', organizations: [{ name: 'acme', id: 'urn:vcloud:org:acme' }] },
            private: { kubeConfig: SECRET_KUBECONFIG },
          },
        };
  return {
    id: input.id ?? 'urn:vcloud:entity:vmware:capvcdCluster:0001',
    entityType: input.entityType ?? 'urn:vcloud:type:vmware:capvcdCluster:1.3.0',
    name: input.name ?? 'acme-prod',
    externalId: null,
    state: 'RESOLVED',
    owner: { name: 'acme-admin', id: 'urn:vcloud:user:1' },
    org: input.org ?? { name: 'acme', id: 'urn:vcloud:org:acme' },
    entity: {
      kind: 'CAPVCDCluster',
      apiVersion: 'capvcd.vmware.com/v1.1',
      metadata: { name: input.name ?? 'acme-prod', orgName: 'acme', virtualDataCenterName: 'acme-vdc', site: 'https://vcd.example.com' },
      spec: {
        capiYaml: 'apiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster',
        vcdKe: { isVCDKECluster: true, secure: { apiToken: SECRET_API_TOKEN } },
      },
      status,
    },
  };
}

/** A page as VCD answers `GET entities/types/vmware/capvcdCluster/1`. */
export function clusterPage(values: readonly unknown[], total = values.length, page = 1, pageSize = 25): Record<string, unknown> {
  return { resultTotal: total, pageCount: Math.ceil(total / pageSize), page, pageSize, values };
}
