// The file-level guards of the parser: size, binary content and line count, checked before any line is read.
import { DependencyFileReading, MAX_IMAGE_LINES, readDependencyFile } from './dependency-file';

const ATTACHER = 'registry.k8s.io/sig-storage/csi-attacher:v3.2.1';

function parsed(reading: DependencyFileReading): Extract<DependencyFileReading, { kind: 'parsed' }> {
  if (reading.kind !== 'parsed') {
    throw new Error(`rejected with ${reading.code}`);
  }
  return reading;
}

describe('readDependencyFile', () => {
  describe('when the file is not a dependency list at all', () => {
    const oneMiB = 1024 * 1024;
    const cases: readonly { readonly name: string; readonly input: () => string | Uint8Array; readonly expected: DependencyFileReading }[] =
      [
        {
          name: 'a 5 MB file',
          input: () => new Uint8Array(5_000_000).fill(0x23),
          expected: { kind: 'rejected', code: 'tooLarge', params: { maxBytes: oneMiB, bytes: 5_000_000 } },
        },
        {
          name: 'a string one byte over 1 MiB',
          input: () => `#${'x'.repeat(oneMiB)}`,
          expected: { kind: 'rejected', code: 'tooLarge', params: { maxBytes: oneMiB, bytes: oneMiB + 1 } },
        },
        {
          name: 'text under 1 MiB characters but over 1 MiB in UTF-8',
          input: () => `#${'é'.repeat(oneMiB / 2)}`,
          expected: { kind: 'rejected', code: 'tooLarge', params: { maxBytes: oneMiB, bytes: oneMiB + 1 } },
        },
        { name: 'bytes with a NUL', input: () => new Uint8Array([0x61, 0x00, 0x62]), expected: { kind: 'rejected', code: 'binary' } },
        {
          name: 'a PNG header',
          input: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
          expected: { kind: 'rejected', code: 'binary' },
        },
        { name: 'invalid UTF-8', input: () => new Uint8Array([0x61, 0xff, 0xfe, 0x62]), expected: { kind: 'rejected', code: 'binary' } },
        {
          name: 'a UTF-16 export',
          input: () => new Uint8Array([0xff, 0xfe, ...[...ATTACHER].flatMap((char) => [char.charCodeAt(0), 0])]),
          expected: { kind: 'rejected', code: 'binary' },
        },
        { name: 'a string with a NUL', input: () => `${ATTACHER}\u0000`, expected: { kind: 'rejected', code: 'binary' } },
        {
          name: '20,000 image lines',
          input: () => `${ATTACHER}\n`.repeat(20_000),
          expected: { kind: 'rejected', code: 'tooManyLines', params: { max: MAX_IMAGE_LINES, lines: 20_000 } },
        },
      ];

    for (const { name, input, expected } of cases) {
      it(`refuses ${name} before reading a line`, () => {
        expect(readDependencyFile(input())).toEqual(expected);
      });
    }

    it('reads a file of exactly 1 MiB', () => {
      const line = `# ${'x'.repeat(1021)}\n`;
      const reading = readDependencyFile(line.repeat(oneMiB / line.length));
      expect(reading.kind).toBe('parsed');
    });

    it(`reads ${MAX_IMAGE_LINES} image lines, and 20,000 comment lines, quickly`, () => {
      const started = performance.now();
      expect(parsed(readDependencyFile(`${ATTACHER}\n`.repeat(MAX_IMAGE_LINES))).images.length).toBe(MAX_IMAGE_LINES);
      expect(parsed(readDependencyFile('# a comment\n'.repeat(20_000))).lineCount).toBe(20_001);
      expect(performance.now() - started).toBeLessThan(2000);
    });
  });
});
