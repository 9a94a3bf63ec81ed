import tkgVersionsJson from '../../../../reference/tkg_versions.json';
import { CSE_VERSIONS } from './cse-releases';
import { TKG_RELEASES, TKG_SUPPORT, compareVersions, findTkr, readTkgVersions, supportedTkrs } from './tkg-releases';

describe('readTkgVersions', () => {
  it('reads every OVA of reference/tkg_versions.json', () => {
    expect(TKG_RELEASES.length).toBe(Object.keys(tkgVersionsJson).length);
    expect(findTkr('v1.30.2---vmware.1-tkg.1')).toEqual({
      ova: 'v1.30.2+vmware.1-tkg.1-00b380629c7a9c10afaaa9df46ba2283',
      tkr: 'v1.30.2---vmware.1-tkg.1',
      tkg: 'v2.5.2',
      kubernetes: 'v1.30.2+vmware.1',
      etcd: 'v3.5.12_vmware.5',
      coreDns: 'v1.11.1_vmware.10',
    });
  });

  it('gives every OVA its own TKR name, so a TKR picks exactly one', () => {
    expect(new Set(TKG_RELEASES.map(({ tkr }) => tkr)).size).toBe(TKG_RELEASES.length);
  });

  const malformed: readonly { readonly name: string; readonly json: unknown }[] = [
    { name: 'null', json: null },
    { name: 'an array', json: [] },
    { name: 'an entry without etcd', json: { 'v1.28.4+vmware.1-tkg.1-x': { tkg: 'v2.5.0', tkr: 'a', coreDns: 'b' } } },
    { name: 'an entry with a number', json: { 'v1.28.4+vmware.1-tkg.1-x': { tkg: 'v2.5.0', tkr: 'a', etcd: 3, coreDns: 'b' } } },
    { name: 'a key that is no Kubernetes version', json: { 'ubuntu-2004-kube': { tkg: 'v2.5.0', tkr: 'a', etcd: 'e', coreDns: 'b' } } },
    { name: 'an entry that is a string', json: { 'v1.28.4+vmware.1-tkg.1-x': 'v2.5.0' } },
  ];

  for (const { name, json } of malformed) {
    it(`leaves out ${name}`, () => {
      expect(readTkgVersions(json)).toEqual([]);
    });
  }
});

describe('supportedTkrs', () => {
  const cases: readonly {
    readonly cse: (typeof CSE_VERSIONS)[number];
    readonly count: number;
    readonly newest: string;
    readonly oldest: string;
  }[] = [
    { cse: '4.1.x', count: 12, newest: 'v1.25.7---vmware.2-tkg.1', oldest: 'v1.19.16---vmware.1-tkg.2' },
    { cse: '4.2.0', count: 12, newest: 'v1.27.5---vmware.1-tkg.1', oldest: 'v1.22.17---vmware.1-tkg.1' },
    { cse: '4.2.1', count: 12, newest: 'v1.28.4---vmware.1-tkg.1-rc.5', oldest: 'v1.23.17---vmware.1-tkg.1' },
    { cse: '4.2.2', count: 17, newest: 'v1.30.2---vmware.1-tkg.1', oldest: 'v1.23.17---vmware.1-tkg.1' },
    { cse: '4.2.3', count: 17, newest: 'v1.30.2---vmware.1-tkg.1', oldest: 'v1.23.17---vmware.1-tkg.1' },
  ];

  for (const { cse, count, newest, oldest } of cases) {
    it(`offers ${count} TKRs for CSE ${cse}, from ${newest} down to ${oldest}`, () => {
      const tkrs = supportedTkrs(cse).map(({ tkr }) => tkr);
      expect(tkrs.length).toBe(count);
      expect(tkrs[0]).toBe(newest);
      expect(tkrs[tkrs.length - 1]).toBe(oldest);
    });
  }

  it('has a row for every CSE release, each marked as inferred from the CAPVCD README it cites', () => {
    expect(TKG_SUPPORT.map(({ cse }) => cse)).toEqual([...CSE_VERSIONS]);
    for (const { source } of TKG_SUPPORT) {
      expect(source.kind).toBe('inferred');
      expect(source.ref).toMatch(
        /^https:\/\/github\.com\/vmware\/cluster-api-provider-cloud-director\/blob\/v1\.\d\.\d\/README\.md#tkg-versions$/,
      );
    }
  });

  it('names only TKG lines that use the spelling of tkg_versions.json', () => {
    const spellings = TKG_SUPPORT.flatMap(({ tkg }) => tkg).filter((line) => !/^v\d+\.\d+\.\d+$/.test(line));
    expect(spellings).toEqual([]);
  });
});

describe('compareVersions', () => {
  const cases: readonly [string, string, number][] = [
    ['v1.28.4+vmware.1', 'v1.27.15+vmware.1', 1],
    ['v1.9.3', 'v1.10.1', -1],
    ['1.6.0', 'v1.6.0', -1],
    ['v1.26.8+vmware.1', 'v1.26.8+vmware.1', 0],
  ];

  for (const [a, b, sign] of cases) {
    it(`orders ${a} ${sign > 0 ? 'after' : sign < 0 ? 'before' : 'with'} ${b}`, () => {
      expect(Math.sign(compareVersions(a, b))).toBe(sign);
    });
  }
});
