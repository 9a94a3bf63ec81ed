/* What other features may use of the Clusters view: its two components and its providers. */
export { ClustersTabComponent } from './ui/clusters-tab.component';
export { TenantClustersComponent } from './ui/tenant-clusters.component';
export { provideClusters } from './data/providers';
