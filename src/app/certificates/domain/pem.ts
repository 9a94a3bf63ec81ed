/* Splitting text into PEM blocks, tolerant of what people paste: CRLF, a BOM, text between blocks. */

export interface PemBlock {
  /** The label between BEGIN and END, e.g. 'CERTIFICATE' or 'RSA PRIVATE KEY'. */
  readonly label: string;
  /** The block re-serialised with LF line breaks and 64-column base64. */
  readonly pem: string;
  /** The decoded DER bytes. */
  readonly der: Uint8Array;
}

/**
 * One BEGIN marker and what followed it: the base64 body up to its matching END, or nothing when
 * the END never came (a paste cut short, or an END with another label).
 */
export type PemSection =
  | { readonly label: string; readonly isTerminated: true; readonly body: string }
  | { readonly label: string; readonly isTerminated: false };

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
// RFC 7468 allows any printable character but '-' in a label; openssl also writes 'PKCS #7 SIGNED DATA'.
const MARKER = /-----(BEGIN|END) ([^-\r\n]*)-----/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64 strictly (no URL alphabet, no stray characters); undefined when it is not base64. */
export function decodeBase64(base64: string): Uint8Array | undefined {
  if (!BASE64.test(base64) || base64.length % 4 === 1) return undefined;
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

export function toPem(label: string, der: Uint8Array): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * The one form every certificate is stored in: LF line ends, 64-column base64, a trailing newline.
 * One spelling per certificate lets lists compare PEMs as strings and keeps CSE's files tidy.
 */
export function normalizePem(der: Uint8Array): string {
  return toPem('CERTIFICATE', der);
}

/** The base64 of a block body: RFC 1421 headers (`Proc-Type: …`) and all whitespace removed. */
export function pemBodyBase64(body: string): string {
  return body
    .split(/\r?\n|\r/)
    .filter((line) => !line.includes(':'))
    .join('')
    .replace(/\s/g, '');
}

/** Every BEGIN marker in order, with its body when its END came; a stray END is reported as `undefined`. */
export function scanPemSections(text: string): (PemSection | undefined)[] {
  const sections: (PemSection | undefined)[] = [];
  let open: { label: string; bodyStart: number } | undefined;
  for (const marker of text.matchAll(MARKER)) {
    const label = (marker[2] ?? '').trim();
    const index = marker.index ?? 0;
    if (marker[1] === 'BEGIN') {
      if (open) sections.push({ label: open.label, isTerminated: false });
      open = { label, bodyStart: index + marker[0].length };
    } else if (open?.label === label) {
      sections.push({ label, isTerminated: true, body: text.slice(open.bodyStart, index) });
      open = undefined;
    } else if (open) {
      sections.push({ label: open.label, isTerminated: false });
      open = undefined;
    } else {
      sections.push(undefined);
    }
  }
  if (open) sections.push({ label: open.label, isTerminated: false });
  return sections;
}

/** Every well-formed block in order; a block whose base64 does not decode is skipped. */
export function splitPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.replace(/^\uFEFF/, '').matchAll(BLOCK)) {
    const label = match[1] ?? '';
    const der = decodeBase64(pemBodyBase64(match[2] ?? ''));
    // Not base64: not a block we can use; the caller reports what it could not read.
    if (der) blocks.push({ label, der, pem: toPem(label, der) });
  }
  return blocks;
}
