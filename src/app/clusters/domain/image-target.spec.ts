import { ImageTarget, imageTarget } from './image-target';

describe('imageTarget', () => {
  const CASES: readonly { readonly failing: string; readonly currentBase?: string; readonly target: ImageTarget }[] = [
    {
      failing: 'h.local/cse/vmware-cloud-director/sig-storage/csi-resizer:v1.4.0',
      currentBase: 'h.local/cse',
      target: {
        failing: 'h.local/cse/vmware-cloud-director/sig-storage/csi-resizer:v1.4.0',
        clusterBase: 'h.local/cse',
        pathUnderBase: 'vmware-cloud-director/sig-storage/csi-resizer',
        source: 'registry.k8s.io/sig-storage/csi-resizer:v1.4.0',
        group: 'csiSidecars',
        expected: 'h.local/cse/vmware-cloud-director/sig-storage/csi-resizer:v1.4.0',
      },
    },
    {
      failing: '127.0.0.1:5000/cse/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0',
      target: {
        failing: '127.0.0.1:5000/cse/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0',
        clusterBase: '127.0.0.1:5000/cse',
        pathUnderBase: 'vmware-cloud-director/cluster-api-provider-cloud-director',
        source: 'projects.registry.vmware.com/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0',
        group: 'capvcd',
      },
    },
    {
      // A base whose own path holds "tkg".
      failing: 'h.local/tkg/tkg/coredns:v1.10.1_vmware.7',
      currentBase: 'h.local/tkg',
      target: {
        failing: 'h.local/tkg/tkg/coredns:v1.10.1_vmware.7',
        clusterBase: 'h.local/tkg',
        pathUnderBase: 'tkg/coredns',
        source: 'projects.registry.vmware.com/tkg/coredns:v1.10.1_vmware.7',
        group: 'tkg',
        expected: 'h.local/tkg/tkg/coredns:v1.10.1_vmware.7',
      },
    },
    { failing: 'h.local/library/nginx:1.25', currentBase: 'h.local/cse', target: { failing: 'h.local/library/nginx:1.25' } },
    { failing: 'not a reference', target: { failing: 'not a reference' } },
  ];
  for (const row of CASES) {
    it(`maps ${row.failing}`, () => expect(imageTarget(row.failing, row.currentBase)).toEqual(row.target));
  }
});
