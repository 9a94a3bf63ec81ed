/*
 * The openssl-made fixtures (see fixtures/README.md), as bytes or text. They reach the specs as a
 * TypeScript import because karma serves no files here. Keys among them are throwaway test material.
 */
import { FIXTURE_FILES, FixtureName } from './fixtures/fixtures';

export type { FixtureName };

export function fixtureBytes(name: FixtureName): Uint8Array {
  const binary = atob(FIXTURE_FILES[name]);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The file as text, byte for byte: a BOM and CRLF line ends are kept. */
export function fixtureText(name: FixtureName): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(fixtureBytes(name));
}
