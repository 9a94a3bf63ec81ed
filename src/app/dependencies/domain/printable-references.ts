/*
 * The gate for everything the plug-in prints for a shell or for getting_started.sh: imgpkg
 * commands and the missing-only dependencies.txt. Their references come from a user's file, from a
 * registry's answers, or from a stored result any administrator could have written, so none is
 * trusted: each is parsed again with the image-reference grammar, and whatever does not parse is
 * left out — and said so — rather than printed where someone will paste it into a terminal.
 */
import { ImageReference, parseImageReference } from './image-reference';

/** How many offending values a note quotes; its count says how many there are in all. */
export const LEFT_OUT_EXAMPLES = 3;
/** An offending value is quoted up to this many characters (a hostile one can be megabytes). */
export const MAX_EXAMPLE_LENGTH = 60;

/** The reference rebuilt from its validated parts, or undefined when `text` is not one. */
export function printableImage(text: string): ImageReference | undefined {
  const parsed = parseImageReference(text);
  return parsed.ok ? parsed.image : undefined;
}

/**
 * One shell word, whatever the value holds: POSIX single quotes, in which nothing is special, and a
 * quote written as '\'' (close, escaped quote, reopen).
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A value quoted in a note, made visible: cut to MAX_EXAMPLE_LENGTH, in double quotes, with every
 * character outside printable ASCII (a newline, an escape, a right-to-left override) written as
 * \u{…} so that the note shows exactly what was refused and cannot be made to say something else.
 */
export function escapeForNote(value: string): string {
  const cut = value.length > MAX_EXAMPLE_LENGTH ? value.slice(0, MAX_EXAMPLE_LENGTH) : value;
  let out = '';
  for (const char of cut) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\' || char === '"') out += `\\${char}`;
    else if (code >= 0x20 && code <= 0x7e) out += char;
    else out += `\\u{${code.toString(16)}}`;
  }
  return `"${out}${cut.length < value.length ? '…' : ''}"`;
}

export interface LeftOut {
  readonly count: number;
  /** The first LEFT_OUT_EXAMPLES offending values, escaped for display. */
  readonly examples: readonly string[];
}

export interface PrintableSplit<T> {
  readonly printable: readonly T[];
  readonly leftOut: LeftOut;
}

/** Items whose every reference is valid, and how many are left out (with the first offending values). */
export function splitPrintable<T>(items: readonly T[], referencesOf: (item: T) => readonly string[]): PrintableSplit<T> {
  const printable: T[] = [];
  const examples: string[] = [];
  let count = 0;
  for (const item of items) {
    const invalid = referencesOf(item).find((reference) => printableImage(reference) === undefined);
    if (invalid === undefined) {
      printable.push(item);
      continue;
    }
    count++;
    if (examples.length < LEFT_OUT_EXAMPLES) examples.push(escapeForNote(invalid));
  }
  return { printable, leftOut: { count, examples } };
}
