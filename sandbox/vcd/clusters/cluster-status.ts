// The status a CSE 4.x cluster entity carries, in the shapes CAPVCD writes (pkg/capisdk and
// vcdsdk BackendError/BackendEvent: name, occurredAt, vcdResourceId, vcdResourceName,
// additionalDetails {"error"|"event": text}) and with the texts kubeadm, containerd and Go print
// (docs/domain.md#cluster-messages). Times are fixed so that screenshots and tests read the same.
import type { JsonObject } from '../core/model.js';

export type ClusterFailure =
  /** kubeadm's preflight cannot pull `image` (not in the registry), CAPVCD recorded it `retries` times. */
  | { readonly kind: 'imageMissing'; readonly image: string; readonly retries: number }
  /** The nodes do not trust the registry's certificate while pulling `image`. */
  | { readonly kind: 'untrusted'; readonly image: string; readonly loadBalancer: boolean }
  /** CAPVCD in the cluster cannot resolve VCD's name. */
  | { readonly kind: 'vcdDns'; readonly site: string }
  /** Not an airgap problem: the load balancer has no free IP. */
  | { readonly kind: 'loadBalancer' };

/** The VCD site the clusters were created against (metadata.site): a name that never resolves. */
export const SANDBOX_SITE = 'https://vcd.sandbox.invalid';
const START = Date.parse('2025-01-13T10:30:00Z');
const at = (minutes: number): string => new Date(START + minutes * 60_000).toISOString();

function entry(name: string, minutes: number, resource: string, text?: string, key: 'error' | 'event' = 'error'): JsonObject {
  return {
    name,
    occurredAt: at(minutes),
    vcdResourceId: '',
    vcdResourceName: resource,
    ...(text === undefined ? {} : { additionalDetails: { [key]: text } }),
  };
}

/** What CAPVCD's script failure says, with kubeadm's stderr in it (cloud_init.tmpl's `catch`). */
function scriptFailure(minutes: number, kubeadmError: string): string {
  const stamp = new Date(START + minutes * 60_000).toUTCString().replace('GMT', 'UTC');
  return [
    `script failed with status [1] and reason [${stamp} 118 /root/control_plane.sh: kubeadm init --config /run/kubeadm/kubeadm.yaml`,
    'W0113 10:40:02.118233    2301 initconfiguration.go:120] Usage of CRI endpoints without URL scheme is deprecated and can cause kubelet errors in the future.',
    'error execution phase preflight: [preflight] Some fatal errors occurred:',
    kubeadmError,
    '[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`',
    'To see the stack trace of this error execute with --v=5 or higher]',
  ].join('\n');
}

function pullFailure(image: string, code: string, cause: string): string {
  const err = `rpc error: code = ${code} desc = failed to pull and unpack image \\"${image}\\": failed to resolve reference \\"${image}\\": ${cause}`;
  return [
    `\t[ERROR ImagePull]: failed to pull image ${image}: output: E0113 10:41:05.523461    2398 remote_image.go:180] "PullImage from image service failed" err="${err}" image="${image}"`,
    `time="2025-01-13T10:41:05Z" level=fatal msg="pulling image: ${err}"`,
    ', error: exit status 1',
  ].join('\n');
}

function manifestUrl(image: string): string {
  const slash = image.indexOf('/');
  const colon = image.lastIndexOf(':');
  return `https://${image.slice(0, slash)}/v2/${image.slice(slash + 1, colon)}/manifests/${image.slice(colon + 1)}`;
}

function errorsOf(cluster: string, failure: ClusterFailure | undefined): JsonObject[] {
  const controlPlane = `${cluster}-control-plane-x7k2p`;
  switch (failure?.kind) {
    case undefined:
      return [];
    case 'imageMissing':
      return Array.from({ length: failure.retries }, (_, i) =>
        entry(
          'VcdMachineScriptExecutionError',
          11 + 15 * i,
          controlPlane,
          scriptFailure(11 + 15 * i, pullFailure(failure.image, 'NotFound', `${failure.image}: not found`)),
        ),
      );
    case 'untrusted': {
      const cause = `failed to do request: Head \\"${manifestUrl(failure.image)}\\": tls: failed to verify certificate: x509: certificate signed by unknown authority`;
      return [
        entry('VcdMachineScriptExecutionError', 12, controlPlane, scriptFailure(12, pullFailure(failure.image, 'Unknown', cause))),
        ...(failure.loadBalancer ? errorsOf(cluster, { kind: 'loadBalancer' }) : []),
      ];
    }
    case 'vcdDns': {
      const host = new URL(failure.site).host;
      return [
        entry(
          'VCDClusterError',
          3,
          cluster,
          `failed to get vdcManager: [unable to get vcd client: [Get "${failure.site}/api/versions": dial tcp: lookup ${host} on 10.96.0.10:53: no such host]]`,
        ),
      ];
    }
    case 'loadBalancer':
      return [
        entry(
          'LoadBalancerError',
          2,
          '',
          `failed to create load balancer for the cluster [${cluster}]: [unable to get a free IP for the virtual service from the gateway's IP space]`,
        ),
      ];
  }
}

function eventsOf(cluster: string, healthy: boolean): JsonObject[] {
  const controlPlane = `${cluster}-control-plane-x7k2p`;
  const events = [
    entry('InfraVappAvailable', 1, cluster),
    entry('LoadBalancerAvailable', 2, ''),
    entry('VcdMachineBootstrapScriptGenerated', 4, controlPlane),
    entry('VcdMachineInfraVMPoweredOn', 6, controlPlane),
  ];
  return healthy ? [...events, entry('VcdMachineBootstrapped', 14, controlPlane), entry('ControlplaneReady', 15, cluster)] : events;
}

export function clusterStatus(
  cluster: string,
  orgName: string,
  orgId: string,
  cseVersion: string,
  failure: ClusterFailure | undefined,
  kubeconfigMarker: string,
): JsonObject {
  const healthy = failure === undefined;
  return {
    vcdKe: { state: healthy ? 'provisioned' : 'error', vcdKeVersion: cseVersion },
    capvcd: {
      phase: healthy ? 'Provisioned' : 'Provisioning',
      kubernetes: 'v1.27.5+vmware.1',
      capvcdVersion: cseVersion === '4.1.1' ? '1.1.0' : '1.3.0',
      uid: `${cluster}-uid`,
      vcdProperties: {
        site: SANDBOX_SITE,
        organizations: [{ name: orgName, id: orgId }],
        orgVdcs: [{ name: `${orgName}-vdc`, id: 'urn:vcloud:vdc:sandbox', ovdcNetworkName: `${orgName}-net` }],
      },
      upgrade: { current: { kubernetesVersion: 'v1.27.5+vmware.1', tkgVersion: 'v2.4.0' }, ready: false },
      errorSet: errorsOf(cluster, failure),
      eventSet: eventsOf(cluster, healthy),
      ...(healthy ? { private: { kubeConfig: `apiVersion: v1\nkind: Config\n# ${kubeconfigMarker}\n` } } : {}),
    },
    cpi: { name: 'cloud-provider-for-cloud-director', version: '1.6.0' },
    projector: { name: 'rde-projector', version: '0.7.0', errorSet: [], eventSet: [] },
  };
}
