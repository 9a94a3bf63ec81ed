import { ClusterListMode, clusterListFilter } from './list-query';

describe('clusterListFilter', () => {
  const CASES: readonly { readonly mode: ClusterListMode; readonly search: string; readonly filter: string | undefined }[] = [
    { mode: 'failed', search: '', filter: 'entity.status.vcdKe.state==error' },
    { mode: 'notReady', search: '', filter: 'entity.status.vcdKe.state==error,entity.status.vcdKe.state==provisioning' },
    { mode: 'all', search: '', filter: undefined },
    { mode: 'failed', search: 'prod', filter: 'entity.status.vcdKe.state==error;name==*prod*' },
    {
      mode: 'notReady',
      search: 'prod',
      filter: 'entity.status.vcdKe.state==error;name==*prod*,entity.status.vcdKe.state==provisioning;name==*prod*',
    },
    { mode: 'all', search: ' prod ', filter: 'name==*prod*' },
    // FIQL operators in a search are dropped, not sent: the filter cannot be widened by typing.
    { mode: 'failed', search: 'a,name==*', filter: 'entity.status.vcdKe.state==error;name==*aname*' },
    { mode: 'all', search: ';()', filter: undefined },
  ];
  for (const row of CASES) {
    it(`asks for ${row.mode} clusters matching "${row.search}" with ${row.filter ?? 'no filter'}`, () => {
      expect(clusterListFilter(row.mode, row.search)).toBe(row.filter);
    });
  }
});
