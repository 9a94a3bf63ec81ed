/*
 * Splitting text into PEM blocks, tolerant of what people paste: CRLF, a BOM, text between blocks.
 * The text may be hostile (a registry's answer, a stored list someone else wrote, 1 MiB of BEGIN
 * lines): markers are found by one forward pass with indexOf, never by a pattern that searches on
 * from every BEGIN for its END, so the work stays proportional to the length of the text.
 */

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

const DASHES = '-----';
/** What `splitPemBlocks` returns: the labels openssl writes for the blocks callers ask for. */
const BLOCK_LABEL = /^[A-Z0-9 ]+$/;
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

interface Marker {
  readonly isBegin: boolean;
  /** RFC 7468 allows any printable character but '-' in a label; openssl also writes 'PKCS #7 SIGNED DATA'. */
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The first `-----BEGIN label-----` or `-----END label-----` at or after `from` (a label holds no
 * '-' and no line break). Linear: a label is read once — the next candidate '-----' can only start
 * where that label stopped — and a run of dashes advances one character at a time.
 */
function nextMarker(text: string, from: number): Marker | undefined {
  for (let at = text.indexOf(DASHES, from); at >= 0; at = text.indexOf(DASHES, at + 1)) {
    const keyword = text.startsWith('BEGIN ', at + DASHES.length) ? 'BEGIN ' : text.startsWith('END ', at + DASHES.length) ? 'END ' : '';
    if (keyword === '') continue;
    const labelStart = at + DASHES.length + keyword.length;
    let labelEnd = labelStart;
    while (labelEnd < text.length && !isLabelEnd(text.charCodeAt(labelEnd))) labelEnd++;
    if (text.startsWith(DASHES, labelEnd)) {
      return { isBegin: keyword === 'BEGIN ', label: text.slice(labelStart, labelEnd).trim(), start: at, end: labelEnd + DASHES.length };
    }
  }
  return undefined;
}

/** '-', CR and LF end a label. */
function isLabelEnd(unit: number): boolean {
  return unit === 0x2d || unit === 0x0d || unit === 0x0a;
}

/** Every BEGIN marker in order, with its body when its END came; a stray END is reported as `undefined`. */
export function scanPemSections(text: string): (PemSection | undefined)[] {
  const sections: (PemSection | undefined)[] = [];
  let open: { label: string; bodyStart: number } | undefined;
  for (let marker = nextMarker(text, 0); marker; marker = nextMarker(text, marker.end)) {
    const { label } = marker;
    if (marker.isBegin) {
      if (open) sections.push({ label: open.label, isTerminated: false });
      open = { label, bodyStart: marker.end };
    } else if (open?.label === label) {
      sections.push({ label, isTerminated: true, body: text.slice(open.bodyStart, marker.start) });
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

/**
 * Every well-formed block in order: a BEGIN closed by the END of the same label (a block
 * interrupted by another BEGIN is not one), whose base64 decodes; anything else is skipped.
 */
export function splitPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const section of scanPemSections(text)) {
    if (!section?.isTerminated || !BLOCK_LABEL.test(section.label)) continue;
    const der = decodeBase64(pemBodyBase64(section.body));
    // Not base64: not a block we can use; the caller reports what it could not read.
    if (der) blocks.push({ label: section.label, der, pem: toPem(section.label, der) });
  }
  return blocks;
}
