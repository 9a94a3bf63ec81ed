import { nearMissTags } from './near-miss';

const cases: readonly {
  readonly wanted: string;
  readonly existing: readonly string[];
  readonly expected: readonly string[];
  readonly why: string;
}[] = [
  { why: 'a v dropped', wanted: 'v1.6.0', existing: ['1.6.0', 'v1.6.1', 'latest'], expected: ['1.6.0'] },
  { why: 'a v added', wanted: '1.6.0', existing: ['v1.6.0', '1.6.1'], expected: ['v1.6.0'] },
  { why: 'another case', wanted: 'V1.6.0', existing: ['v1.6.0'], expected: ['v1.6.0'] },
  { why: 'another case of a word tag', wanted: 'latest', existing: ['Latest', 'LATEST', 'stable'], expected: ['Latest', 'LATEST'] },
  { why: '_ for +', wanted: 'v1.28.4+vmware.1', existing: ['v1.28.4_vmware.1'], expected: ['v1.28.4_vmware.1'] },
  { why: '+ for _', wanted: 'v1.28.4_vmware.1', existing: ['v1.28.4+vmware.1', 'v1.28.5_vmware.1'], expected: ['v1.28.4+vmware.1'] },
  {
    why: 'another build suffix',
    wanted: 'v3.5.10_vmware.1',
    existing: ['v3.5.10_vmware.2', 'v3.5.10', 'v3.5.1_vmware.1', 'v3.5.10_vmware.1'],
    expected: ['v3.5.10_vmware.2', 'v3.5.10'],
  },
  { why: 'a pre-release of the same version', wanted: 'v1.3.0', existing: ['v1.3.0-rc.1', 'v1.3.1-rc.1'], expected: ['v1.3.0-rc.1'] },
  { why: 'nothing close', wanted: 'v1.6', existing: ['v1.6.0', '1.60', 'v1.7'], expected: [] },
  { why: 'the wanted tag itself', wanted: 'v1.6.0', existing: ['v1.6.0'], expected: [] },
  { why: 'no tags at all', wanted: 'v1.6.0', existing: [], expected: [] },
  { why: 'a tag listed twice', wanted: 'v1.6.0', existing: ['1.6.0', '1.6.0'], expected: ['1.6.0'] },
];

describe('nearMissTags', () => {
  for (const { why, wanted, existing, expected } of cases) {
    it(`finds ${JSON.stringify(expected)} for ${wanted} among ${JSON.stringify(existing)} (${why})`, () => {
      expect(nearMissTags(wanted, existing)).toEqual([...expected]);
    });
  }
});
