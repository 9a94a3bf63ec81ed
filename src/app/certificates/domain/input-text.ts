/* Turning what was dropped or pasted into text or DER before anything is parsed. */

/** How many bytes the text takes in UTF-8 (what a file of it would weigh), without allocating it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * True when the bytes read as text: valid UTF-8 (or UTF-16 with its BOM) without control
 * characters other than tab and line ends. DER always fails this (its lengths and tags are
 * control bytes or lone UTF-8 continuation bytes), so a text that merely starts with '0' (0x30,
 * a SEQUENCE tag) is still read as text.
 */
export function isText(bytes: Uint8Array): boolean {
  const text = decodeStrictly(bytes);
  if (text === undefined) return false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if ((unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0x7f) return false;
  }
  return true;
}

/** Text in UTF-8 (a BOM or not) or, as Windows Notepad may save it, UTF-16 with a BOM. */
export function decodeText(bytes: Uint8Array): string {
  return stripBom(new TextDecoder(utf16Encoding(bytes) ?? 'utf-8').decode(bytes));
}

export function stripBom(text: string): string {
  return text.replace(/^\uFEFF/, '');
}

function decodeStrictly(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(utf16Encoding(bytes) ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Private keys that do not come as PEM: PuTTY's .ppk and the SSH2 (RFC 4716) key format. The
 * reader refuses them like any other key; the label names the format for the message.
 */
export function nonPemPrivateKeyLabel(text: string): string | undefined {
  if (/^PuTTY-User-Key-File-\d+:/m.test(text)) return 'PUTTY PRIVATE KEY';
  if (/^---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----/m.test(text)) return 'SSH2 ENCRYPTED PRIVATE KEY';
  return undefined;
}
