/*
 * Which clusters the list asks VCD for. FIQL reaches into the entity (`entity.status.vcdKe.state`),
 * but not into "the errorSet is not empty": failed and not-ready clusters are chosen by CSE's
 * state, every other cluster is one click away ("all"). Search is on the cluster's name.
 */

export const CLUSTER_LIST_MODES = ['failed', 'notReady', 'all'] as const;
export type ClusterListMode = (typeof CLUSTER_LIST_MODES)[number];

/** vmware:capvcdCluster, every 1.x.y version (1.2.0 for CSE 4.1, 1.3.0 for CSE 4.2) in one list. */
export const CAPVCD_CLUSTER_TYPE = { vendor: 'vmware', nss: 'capvcdCluster', versionWildcard: '1' } as const;

const STATE = 'entity.status.vcdKe.state';

const MODE_TERMS: Readonly<Record<ClusterListMode, readonly string[]>> = {
  failed: [`${STATE}==error`],
  notReady: [`${STATE}==error`, `${STATE}==provisioning`],
  all: [],
};

/** The FIQL filter, or undefined for none. `;` binds tighter than `,`: the search is repeated in each term. */
export function clusterListFilter(mode: ClusterListMode, search = ''): string | undefined {
  const clean = search.replace(/[;,()=!<>*"'\\]/g, '').trim();
  const name = clean === '' ? undefined : `name==*${clean}*`;
  const terms = MODE_TERMS[mode];
  if (terms.length === 0) return name;
  return terms.map((term) => (name ? `${term};${name}` : term)).join(',');
}
