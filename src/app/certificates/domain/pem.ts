/* Splitting text into PEM blocks, tolerant of what people paste: CRLF, a BOM, text between blocks. */

export interface PemBlock {
  /** The label between BEGIN and END, e.g. 'CERTIFICATE' or 'RSA PRIVATE KEY'. */
  readonly label: string;
  /** The block re-serialised with LF line breaks and 64-column base64. */
  readonly pem: string;
  /** The decoded DER bytes. */
  readonly der: Uint8Array;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toPem(label: string, der: Uint8Array): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every well-formed block in order; a block whose base64 does not decode is skipped. */
export function splitPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.replace(/^\uFEFF/, '').matchAll(BLOCK)) {
    const label = match[1] ?? '';
    const body = (match[2] ?? '').replace(/[\r\n\t ]/g, '');
    try {
      const der = base64ToBytes(body);
      blocks.push({ label, der, pem: toPem(label, der) });
    } catch {
      // Not base64: not a block we can use; the caller reports what it could not read.
    }
  }
  return blocks;
}
