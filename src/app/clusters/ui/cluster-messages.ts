/* How findings and errors of the Clusters view turn into message keys and their parameters. */
import { ClustersError } from '../data/clusters.repository';
import { Finding } from '../domain';

/** A finding's identity within the page: the cluster, the entry, the image or host. */
export function findingKey(clusterId: string, finding: Finding): string {
  const { component, set, index } = finding.entry;
  return [clusterId, component, set, index, finding.kind, finding.image?.failing ?? finding.host ?? ''].join('|');
}

/** The parameters every reason message may use. */
export function reasonParams(finding: Finding): Record<string, string | number> {
  return {
    image: finding.image?.failing ?? '',
    host: finding.host ?? '',
    phase: finding.detailKey ?? '',
    name: finding.entry.name,
    count: finding.occurrences,
  };
}

const CLUSTERS_ERROR_KEYS: Readonly<Record<Exclude<ClustersError['kind'], 'vcd'>, string>> = {
  forbidden: 'clusters.errors.forbidden',
  gone: 'clusters.errors.gone',
  tooLarge: 'clusters.errors.tooLarge',
  unreadableAnswer: 'clusters.errors.unreadableAnswer',
};

/** The message of an error the view shows itself (VCD's own errors go to the shared alert). */
export function clustersErrorKey(error: ClustersError): string {
  return error.kind === 'vcd' ? 'clusters.errors.unreadableAnswer' : CLUSTERS_ERROR_KEYS[error.kind];
}

const KNOWN_STATES = new Set(['error', 'provisioning', 'provisioned', 'deleting']);

/** CSE's state words are translated when known; anything else is shown as VCD holds it. */
export function stateKey(state: string | undefined): string | undefined {
  return state !== undefined && KNOWN_STATES.has(state) ? `clusters.state.${state}` : undefined;
}
