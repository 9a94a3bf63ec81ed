// Removes one entry from a zip without touching the others: their compressed bytes are copied as
// the builder wrote them (re-compressing could only change, and with some deflaters grow, the zip
// VCD loads). Plain zip only (no zip64, one disk), which is what the plug-in builder writes.

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

function findEndOfCentralDirectory(view) {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let offset = view.byteLength - 22; offset >= Math.max(0, view.byteLength - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
  }
  throw new Error('not a zip: no end of central directory record');
}

/** The zip's entries in central-directory order: name, local header offset, central record bytes. */
function centralEntries(bytes, view, eocd) {
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(offset, true) !== CENTRAL_SIGNATURE) throw new Error('zip: broken central directory');
    const nameLength = view.getUint16(offset + 28, true);
    const recordLength = 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      localOffset: view.getUint32(offset + 42, true),
      record: bytes.slice(offset, offset + recordLength),
    });
    offset += recordLength;
  }
  return entries;
}

/** The same zip without the entry called `name` (unchanged if there is none). */
export function withoutZipEntry(zip, name) {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const centralStart = view.getUint32(eocd + 16, true);
  const entries = centralEntries(bytes, view, eocd);
  if (!entries.some((entry) => entry.name === name)) return bytes;
  // Each local entry (header, data, descriptor) runs up to the next one, the last up to the central directory.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const spans = new Map(byOffset.map((entry, i) => [entry, [entry.localOffset, byOffset[i + 1]?.localOffset ?? centralStart]]));
  const kept = entries.filter((entry) => entry.name !== name);
  const parts = [];
  const records = [];
  let written = 0;
  for (const entry of byOffset.filter((candidate) => candidate.name !== name)) {
    const [start, end] = spans.get(entry);
    const record = entry.record.slice();
    new DataView(record.buffer).setUint32(42, written, true);
    records.push([entry, record]);
    parts.push(bytes.subarray(start, end));
    written += end - start;
  }
  const central = kept.map((entry) => records.find(([candidate]) => candidate === entry)[1]);
  const centralSize = central.reduce((sum, record) => sum + record.length, 0);
  const end = bytes.slice(eocd);
  const endView = new DataView(end.buffer);
  endView.setUint16(8, kept.length, true);
  endView.setUint16(10, kept.length, true);
  endView.setUint32(12, centralSize, true);
  endView.setUint32(16, written, true);
  const out = new Uint8Array(written + centralSize + end.length);
  let offset = 0;
  for (const part of [...parts, ...central, end]) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
