/* Everything the Clusters view needs from the plug-in's injector. */
import { Provider } from '@angular/core';
import { ClusterChecks } from './cluster-checks.service';
import { ClustersRepository } from './clusters.repository';
import { provideImageRecheck } from './runner-image-recheck';
import { RegistryRecheck } from './registry-recheck';

export function provideClusters(): Provider[] {
  return [ClustersRepository, RegistryRecheck, ClusterChecks, ...provideImageRecheck()];
}
