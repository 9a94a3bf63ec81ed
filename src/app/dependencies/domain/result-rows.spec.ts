import { buildCatalog } from './catalog';
import { ImageReference, makeImage } from './image-reference';
import { ImageToCheck, PresenceResult } from './presence';
import { readRecord, rowsOf, toRecord } from './check-record';
import {
  ResultRow,
  countByStatus,
  filterRows,
  groupBars,
  imageToCheckOf,
  rowsForCatalog,
  rowsWithoutDigest,
  withAnswer,
  withResult,
} from './result-rows';

const IMAGE: ImageToCheck = { id: 'r0', repository: 'cse/tkg/etcd', reference: 'v3.5.10_vmware.1' };
const PENDING: ResultRow = {
  id: 'r0',
  status: 'pending',
  source: 'projects.registry.vmware.com/tkg/etcd:v3.5.10_vmware.1',
  destination: 'harbor.corp.local/cse/tkg/etcd:v3.5.10_vmware.1',
  group: 'tkg',
};

describe('result rows', () => {
  describe('withResult', () => {
    const cases: { name: string; result: PresenceResult; status: string; detail?: unknown }[] = [
      {
        name: 'keeps the digest of a present image',
        result: { status: 'present', image: IMAGE, digest: 'sha256:1', manifestKind: 'index' },
        status: 'present',
        detail: { code: 'digest', params: { digest: 'sha256:1' } },
      },
      {
        name: 'names a near miss',
        result: { status: 'missing', image: IMAGE, existingTags: ['3.5.10_vmware.1'], nearMiss: '3.5.10_vmware.1' },
        status: 'missing',
        detail: { code: 'nearMiss', params: { tag: '3.5.10_vmware.1' } },
      },
      {
        name: 'lists the tags that exist',
        result: { status: 'missing', image: IMAGE, existingTags: ['a', 'b'] },
        status: 'missing',
        detail: { code: 'existingTags', params: { tags: 'a, b', count: 2 } },
      },
      {
        name: 'says where a misplaced repository is',
        result: { status: 'repositoryMissing', image: IMAGE, elsewhere: ['cse/etcd'] },
        status: 'repositoryMissing',
        detail: { code: 'elsewhere', params: { paths: 'cse/etcd' } },
      },
      {
        name: 'has no detail for a repository found nowhere',
        result: { status: 'repositoryMissing', image: IMAGE },
        status: 'repositoryMissing',
      },
      {
        name: 'gives the reason an image cannot be pulled',
        result: { status: 'notPullableAnonymously', image: IMAGE, reason: 'privateProject' },
        status: 'notPullableAnonymously',
        detail: { code: 'privateProject' },
      },
      {
        name: 'gives the failure and its fields',
        result: { status: 'error', image: IMAGE, failure: { kind: 'http', status: 403 } },
        status: 'error',
        detail: { code: 'http', params: { status: 403 } },
      },
      {
        name: 'gives a failure without fields',
        result: { status: 'error', image: IMAGE, failure: { kind: 'notChecked' } },
        status: 'error',
        detail: { code: 'notChecked' },
      },
    ];
    for (const { name, result, status, detail } of cases) {
      it(name, () => {
        const row = withResult({ ...PENDING, detail: { code: 'old' } }, result);
        expect(row.status).toBe(status);
        expect(row.detail).toEqual(detail as ResultRow['detail']);
      });
    }
  });

  describe('rowsForCatalog', () => {
    it('maps every entry under the base, skipped entries as skipped and unknown sources as unmapped', () => {
      const unknown: ImageReference = makeImage('quay.io', 'x/y', '1');
      const entries = [
        ...buildCatalog('4.2.1', []),
        { image: unknown, group: 'other' as const, source: { kind: 'userFile' as const, ref: 'f' } },
        {
          image: makeImage('registry.k8s.io', 'sig-storage/csi-attacher', 'v9'),
          group: 'csiSidecars' as const,
          source: { kind: 'userFile' as const, ref: 'f' },
          skippedByUser: true as const,
        },
      ];
      const rows = rowsForCatalog(entries, 'harbor.corp.local/cse');
      expect(rows.slice(0, -2).every((row) => row.status === 'pending' && row.destination.startsWith('harbor.corp.local/cse/'))).toBeTrue();
      expect(rows.at(-2)?.status).toBe('unmapped');
      expect(rows.at(-1)).toEqual(
        jasmine.objectContaining({
          status: 'skipped',
          destination: 'harbor.corp.local/cse/vmware-cloud-director/sig-storage/csi-attacher:v9',
        }),
      );
    });
  });

  describe('imageToCheckOf', () => {
    const cases: [string, ImageToCheck | undefined][] = [
      ['harbor.corp.local/cse/tkg/etcd:v3.5.10_vmware.1', { id: 'r0', repository: 'cse/tkg/etcd', reference: 'v3.5.10_vmware.1' }],
      [
        `harbor.corp.local:8443/tkg/pause@sha256:${'b'.repeat(64)}`,
        { id: 'r0', repository: 'tkg/pause', reference: `sha256:${'b'.repeat(64)}` },
      ],
      ['', undefined],
    ];
    for (const [destination, expected] of cases) {
      it(`splits "${destination}"`, () => expect(imageToCheckOf({ ...PENDING, destination })).toEqual(expected));
    }
  });

  describe('digests on demand', () => {
    const rows: ResultRow[] = [
      { ...PENDING, id: 'told', status: 'present' },
      { ...PENDING, id: 'headed', status: 'present', detail: { code: 'digest', params: { digest: 'sha256:1' } } },
      { ...PENDING, id: 'gone', status: 'missing' },
      { ...PENDING, id: 'unmapped', status: 'present', destination: '' },
    ];

    it('asks only for present rows that have no digest and can be checked', () => {
      expect(rowsWithoutDigest(rows).map((row) => row.id)).toEqual(['told']);
    });

    it('puts a looked-up digest on its row and leaves the others as they were', () => {
      const answered = withAnswer(rows, { status: 'present', image: { ...IMAGE, id: 'told' }, digest: 'sha256:9' });
      expect(answered[0]?.detail).toEqual({ code: 'digest', params: { digest: 'sha256:9' } });
      expect(answered.slice(1)).toEqual(rows.slice(1));
    });
  });

  describe('counts, bars and filters', () => {
    const rows: ResultRow[] = [
      { ...PENDING, id: 'a', status: 'present' },
      { ...PENDING, id: 'b', status: 'missing', source: 'projects.registry.vmware.com/tkg/kube-proxy:v1' },
      { ...PENDING, id: 'c', status: 'error', group: 'csi' },
      { ...PENDING, id: 'd', status: 'skipped', group: 'csi' },
    ];

    it('counts every status, zero included', () => {
      expect(countByStatus(rows)).toEqual(jasmine.objectContaining({ present: 1, missing: 1, error: 1, skipped: 1, repositoryMissing: 0 }));
    });

    it('draws present against not present per group, leaving out what was not checked', () => {
      expect(groupBars(rows)).toEqual([
        { group: 'csi', present: 0, notPresent: 1, presentPercent: 0 },
        { group: 'tkg', present: 1, notPresent: 1, presentPercent: 50 },
      ]);
    });

    const filters: { name: string; filter: Parameters<typeof filterRows>[1]; ids: string[] }[] = [
      { name: 'keeps all', filter: { status: 'all', group: 'all', text: '' }, ids: ['a', 'b', 'c', 'd'] },
      { name: 'keeps the gaps', filter: { status: 'gaps', group: 'all', text: '' }, ids: ['b', 'c'] },
      { name: 'keeps one status', filter: { status: 'skipped', group: 'all', text: '' }, ids: ['d'] },
      { name: 'keeps one group', filter: { status: 'all', group: 'tkg', text: '' }, ids: ['a', 'b'] },
      { name: 'searches source and destination, ignoring case', filter: { status: 'all', group: 'all', text: ' KUBE-proxy ' }, ids: ['b'] },
    ];
    for (const { name, filter, ids } of filters) {
      it(name, () => expect(filterRows(rows, filter).map((row) => row.id)).toEqual(ids));
    }
  });

  describe('check record', () => {
    const rows: ResultRow[] = [
      { ...PENDING, status: 'present', detail: { code: 'digest', params: { digest: 'sha256:1' } } },
      { ...PENDING, id: 'r1', status: 'notPullableAnonymously', detail: { code: 'privateProject' } },
      { ...PENDING, id: 'r2', status: 'missing' },
    ];
    const context = {
      checkedAt: '2026-01-01T00:00:00Z',
      base: 'harbor.corp.local/cse',
      release: '4.2.1',
      tkrs: ['t'],
      outcome: 'done' as const,
      elapsedMs: 10,
    };

    it('round-trips rows through the compact record', () => {
      const record = toRecord(context, rows);
      expect(record.counts.present).toBe(1);
      expect(rowsOf(record)).toEqual(rows.map((row, index) => ({ ...row, id: `r${index}` })));
      expect(readRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
    });

    const foreign: [string, unknown][] = [
      ['nothing', undefined],
      ['an array', []],
      ['no outcome', { ...context, outcome: 'maybe', results: [] }],
      ['no results', { ...context }],
    ];
    for (const [name, value] of foreign) {
      it(`ignores ${name}`, () => expect(readRecord(value)).toBeUndefined());
    }

    it('drops rows of an unknown shape', () => {
      const record = readRecord({ ...context, results: [['present', 's', 'd', 'tkg'], ['bogus', 's', 'd', 'tkg'], 'x'] });
      expect(record?.results.length).toBe(1);
    });
  });
});
