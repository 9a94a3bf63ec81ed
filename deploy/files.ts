// Every file the deploy command reads (the plug-in zip, a token or password file, a CA file) is
// size-checked before it is read: a wrong path (a disk image, /dev/zero, a log) must end in a clear
// message, not in a process that fills its memory. The size is checked on the open file and the
// read is capped too, so a file that grows meanwhile, or one that reports no size (/proc), is
// caught as well.
import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** A token, a password or a PEM CA file: a few KiB at most. */
export const MAX_SECRET_FILE_BYTES = 64 * 1024;
export const MAX_CA_FILE_BYTES = 64 * 1024;
/** The plug-in zip: this one is well under 5 MiB; VCD's UI plug-ins are small bundles. */
export const MAX_ZIP_BYTES = 32 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

export type FileProblem =
  | { readonly kind: 'unreadable'; readonly code: string }
  | { readonly kind: 'notAFile' }
  | { readonly kind: 'tooLarge'; readonly bytes: number; readonly maxBytes: number };

export class FileLimitError extends Error {
  constructor(readonly problem: FileProblem) {
    super(describeFileProblem(problem));
  }
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
    : bytes >= 1024
      ? `${Math.ceil(bytes / 1024)} KiB`
      : `${bytes} bytes`;
}

/** What is wrong, without the file's name (the caller says which file; the name may be a mistyped secret). */
export function describeFileProblem(problem: FileProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return `cannot be read (${problem.code})`;
    case 'notAFile':
      return 'is not a regular file';
    case 'tooLarge':
      return `is ${size(problem.bytes)}, more than the ${size(problem.maxBytes)} such a file can be: is it the right file?`;
  }
}

function checkStats(stats: Stats, maxBytes: number): void {
  if (!stats.isFile()) throw new FileLimitError({ kind: 'notAFile' });
  if (stats.size > maxBytes) throw new FileLimitError({ kind: 'tooLarge', bytes: stats.size, maxBytes });
}

/** The file's bytes, when it is a regular file of at most `maxBytes`; else a FileLimitError. */
export async function readLimitedFile(file: string, maxBytes: number): Promise<Buffer> {
  const unreadable = (error: NodeJS.ErrnoException): never => {
    throw new FileLimitError({ kind: 'unreadable', code: error.code ?? error.message });
  };
  // Checked before opening: opening a named pipe would wait for a writer, for ever.
  checkStats(await stat(file).catch(unreadable), maxBytes);
  const handle = await open(file, 'r').catch(unreadable);
  try {
    checkStats(await handle.stat(), maxBytes);
    // Read on past the stated size: a file that grew after the check, or that states none, is caught too.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, maxBytes + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) throw new FileLimitError({ kind: 'tooLarge', bytes: length, maxBytes });
    }
    return Buffer.concat(chunks, length);
  } finally {
    await handle.close();
  }
}
