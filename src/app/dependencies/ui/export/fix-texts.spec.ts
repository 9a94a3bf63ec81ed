import { ResultRow, RowStatus } from '../../domain';
import {
  detailText,
  gettingStartedProcedure,
  imgpkgCommands,
  missingDependenciesFile,
  printableAbsentRows,
  resultsCsv,
  resultsJson,
  tarName,
} from './fix-texts';

function row(status: RowStatus, source: string, destination: string, extra: Partial<ResultRow> = {}): ResultRow {
  return { id: source, status, source, destination, group: 'other', ...extra };
}

const ATTACHER = row(
  'missing',
  'registry.k8s.io/sig-storage/csi-attacher:v3.2.1',
  'harbor.corp.local/cse/vmware-cloud-director/sig-storage/csi-attacher:v3.2.1',
);
const CAPVCD = row(
  'repositoryMissing',
  'projects.registry.vmware.com/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0',
  'harbor.corp.local/cse/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0',
);
const ETCD = row('present', 'projects.registry.vmware.com/tkg/etcd:v3.5.10_vmware.1', 'harbor.corp.local/cse/tkg/etcd:v3.5.10_vmware.1');
const PRIVATE = row('notPullableAnonymously', 'projects.registry.vmware.com/tkg/pause:3.9', 'harbor.corp.local/cse/tkg/pause:3.9');
const UNMAPPED = row('unmapped', 'quay.io/x/y:1', '');
const DIGEST = 'sha256:' + 'a'.repeat(64);

/** Rows as a hostile stored result could hold them: the source or the destination is not a reference. */
const HOSTILE_ROWS: readonly ResultRow[] = [
  ['a command after a semicolon', 'registry.k8s.io/pause:3.9; rm -rf /', 'harbor.corp.local/cse/pause:3.9'],
  ['a command substitution', 'registry.k8s.io/pause:$(id)', 'harbor.corp.local/cse/pause:3.9'],
  ['backticks', 'registry.k8s.io/`id`:3.9', 'harbor.corp.local/cse/pause:3.9'],
  ['a newline', 'registry.k8s.io/pause:3.9\nrm -rf /', 'harbor.corp.local/cse/pause:3.9'],
  ['a single quote', "registry.k8s.io/pause:3.9'", 'harbor.corp.local/cse/pause:3.9'],
  ['a double quote', 'registry.k8s.io/pause:3.9"', 'harbor.corp.local/cse/pause:3.9'],
  ['a space', 'registry.k8s.io/pause 3.9', 'harbor.corp.local/cse/pause:3.9'],
  ['an over-long name', `registry.k8s.io/${'a'.repeat(300)}:3.9`, 'harbor.corp.local/cse/pause:3.9'],
  ['a hostile destination', 'registry.k8s.io/pause:3.9', "harbor.corp.local/cse/pause:3.9';reboot;'"],
].map(([id, source, destination]) => ({ id: id!, status: 'missing', source: source!, destination: destination!, group: 'other' }));

describe('fix texts', () => {
  describe('missingDependenciesFile', () => {
    const cases: { name: string; rows: ResultRow[]; text: string }[] = [
      { name: 'is empty when nothing is absent', rows: [ETCD, PRIVATE, UNMAPPED], text: '' },
      {
        name: 'writes missing and repository-missing images in three fields, in row order',
        rows: [ETCD, ATTACHER, PRIVATE, CAPVCD],
        text:
          'registry.k8s.io sig-storage/csi-attacher v3.2.1\n' +
          'projects.registry.vmware.com vmware-cloud-director/cluster-api-provider-cloud-director v1.3.0\n',
      },
      {
        name: 'leaves out every row whose source or destination is not a valid reference',
        rows: [...HOSTILE_ROWS, ATTACHER],
        text: 'registry.k8s.io sig-storage/csi-attacher v3.2.1\n',
      },
      {
        name: 'keeps a digest as the third field',
        rows: [row('missing', `registry.k8s.io/pause@${DIGEST}`, `harbor.corp.local/cse/pause@${DIGEST}`)],
        text: `registry.k8s.io pause ${DIGEST}\n`,
      },
    ];
    for (const { name, rows, text } of cases) {
      it(name, () => expect(missingDependenciesFile(rows)).toBe(text));
    }
  });

  describe('printableAbsentRows', () => {
    it('counts the rows left out and quotes the first ones, escaped', () => {
      const split = printableAbsentRows([ETCD, ...HOSTILE_ROWS, ATTACHER]);
      expect(split.printable).toEqual([ATTACHER]);
      expect(split.leftOut.count).toBe(HOSTILE_ROWS.length);
      expect(split.leftOut.examples).toEqual([
        '"registry.k8s.io/pause:3.9; rm -rf /"',
        '"registry.k8s.io/pause:$(id)"',
        '"registry.k8s.io/`id`:3.9"',
      ]);
    });
  });

  describe('imgpkgCommands', () => {
    const cases: { name: string; row: ResultRow; direct?: string; toTar?: string; fromTar?: string }[] = [
      {
        name: 'copies registry to registry into the destination repository',
        row: ATTACHER,
        direct:
          "imgpkg copy -i 'registry.k8s.io/sig-storage/csi-attacher:v3.2.1' --to-repo 'harbor.corp.local/cse/vmware-cloud-director/sig-storage/csi-attacher'",
        toTar: "imgpkg copy -i 'registry.k8s.io/sig-storage/csi-attacher:v3.2.1' --to-tar 'csi-attacher-v3.2.1.tar'",
        fromTar:
          "imgpkg copy --tar 'csi-attacher-v3.2.1.tar' --to-repo 'harbor.corp.local/cse/vmware-cloud-director/sig-storage/csi-attacher'",
      },
      { name: 'has nothing for an unmapped image', row: UNMAPPED },
      ...HOSTILE_ROWS.map((hostile) => ({ name: `has nothing for a row with ${hostile.id}`, row: hostile })),
    ];
    for (const { name, row: input, direct, toTar, fromTar } of cases) {
      it(name, () => {
        const commands = imgpkgCommands(input);
        expect(commands?.direct).toBe(direct);
        expect(commands?.toTar).toBe(toTar);
        expect(commands?.fromTar).toBe(fromTar);
      });
    }
  });

  describe('tarName', () => {
    const cases: [string, string][] = [
      ['h/cse/tkg/etcd:v3.5.10_vmware.1', 'etcd-v3.5.10_vmware.1.tar'],
      [`h/cse/pause@${DIGEST}`, 'pause-aaaaaaaaaaaa.tar'],
      ['h/tanzu_cli/plugins/plugin-inventory:latest', 'plugin-inventory-latest.tar'],
    ];
    for (const [reference, name] of cases) {
      it(`names ${reference} ${name}`, () => expect(tarName(reference)).toBe(name));
    }
  });

  describe('gettingStartedProcedure', () => {
    const cases: [string | undefined, string | undefined][] = [
      ['4.2.0', 'v0.1.2'],
      ['4.2.1', 'v0.1.3'],
      ['4.2.2', 'v0.1.4'],
      ['4.2.3', undefined],
      ['4.1.x', undefined],
      [undefined, undefined],
    ];
    for (const [release, tag] of cases) {
      it(`uses ${tag ?? 'no image'} for CSE ${release ?? 'unknown'}`, () => {
        const steps = gettingStartedProcedure(release, 'harbor.corp.local/cse');
        if (tag === undefined) {
          expect(steps).toBeUndefined();
          return;
        }
        expect(steps?.map((step) => step.step)).toEqual(['pull', 'create', 'export', 'extract', 'run']);
        expect(steps?.[0]?.command).toBe(
          `docker pull 'projects.registry.vmware.com/vmware-cloud-director/getting-started-airgapped:${tag}'`,
        );
        expect(steps?.[4]?.command).toBe("./getting_started.sh dependencies.txt 'harbor.corp.local/cse'");
      });
    }
  });

  it('quotes a hostile base as one inert word in the getting_started.sh line', () => {
    const steps = gettingStartedProcedure('4.2.1', "harbor.corp.local/cse'; rm -rf / #");
    expect(steps?.[4]?.command).toBe(`./getting_started.sh dependencies.txt 'harbor.corp.local/cse'\\''; rm -rf / #'`);
  });

  describe('resultsCsv', () => {
    const cases: { name: string; rows: ResultRow[]; lines: string[] }[] = [
      { name: 'has the header alone for no rows', rows: [], lines: ['status,destination,source,group,detail'] },
      {
        name: 'writes one line per row with the detail as code and parameters',
        rows: [{ ...ATTACHER, detail: { code: 'nearMiss', params: { tag: '3.2.1' } } }],
        lines: [
          'status,destination,source,group,detail',
          'missing,harbor.corp.local/cse/vmware-cloud-director/sig-storage/csi-attacher:v3.2.1,registry.k8s.io/sig-storage/csi-attacher:v3.2.1,other,nearMiss tag=3.2.1',
        ],
      },
      {
        name: 'quotes commas and quotes, and defuses formulas',
        rows: [{ ...UNMAPPED, detail: { code: '=cmd', params: { tags: 'a, "b"' } } }],
        lines: ['status,destination,source,group,detail', `unmapped,,quay.io/x/y:1,other,"'=cmd tags=a, ""b"""`],
      },
    ];
    for (const { name, rows, lines } of cases) {
      it(name, () => expect(resultsCsv(rows)).toBe(`${lines.join('\r\n')}\r\n`));
    }
  });

  describe('resultsJson', () => {
    it('holds the context and every row without ids', () => {
      const parsed = JSON.parse(resultsJson([ETCD, { ...PRIVATE, detail: { code: 'privateProject' } }], { release: '4.2.1' }));
      expect(parsed.release).toBe('4.2.1');
      expect(parsed.results.length).toBe(2);
      expect(parsed.results[0].id).toBeUndefined();
      expect(parsed.results[1].detail).toEqual({ code: 'privateProject' });
    });
  });

  describe('detailText', () => {
    const cases: [ResultRow, string][] = [
      [ETCD, ''],
      [{ ...ETCD, detail: { code: 'timeout', params: { seconds: 10 } } }, 'timeout seconds=10'],
      [{ ...ETCD, detail: { code: 'http', params: { status: 403 } } }, 'http status=403'],
    ];
    for (const [input, text] of cases) {
      it(`writes "${text}"`, () => expect(detailText(input)).toBe(text));
    }
  });
});
