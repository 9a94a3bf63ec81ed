// A tiny JSON-file store for the sandbox: one document, read once, written atomically on
// every change so that a crash or Ctrl-C never leaves a half-written file behind.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface StateStoreOptions {
  /** Delete the file first, so that the store starts again from `seed()`. */
  reset: boolean;
}

export class StateStore<T> {
  private current: T;
  // Writes are chained so that two concurrent `update` calls never interleave their renames
  // and the file always ends with the last update applied.
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    initial: T,
  ) {
    this.current = initial;
  }

  static async open<T>(file: string, seed: () => T, opts: StateStoreOptions): Promise<StateStore<T>> {
    const absolute = path.resolve(file);
    if (opts.reset) await rm(absolute, { force: true });
    const existing = await readExisting<T>(absolute);
    if (existing !== undefined) return new StateStore(absolute, existing);
    const store = new StateStore(absolute, seed());
    await store.write(store.current);
    return store;
  }

  /** The current document. Treat it as read-only: change it through `update`. */
  get(): T {
    return this.current;
  }

  /**
   * Applies `fn` to a copy and makes the copy current only once it is on disk, so a failing
   * `fn` (or a failing write) leaves both the file and the in-memory document unchanged.
   * Resolves to what `fn` returns, which lets a caller check and change in one step.
   */
  update<R = void>(fn: (draft: T) => R): Promise<R> {
    const run = async (): Promise<R> => {
      const draft = structuredClone(this.current);
      const result = fn(draft);
      await this.write(draft);
      this.current = draft;
      return result;
    };
    const result = this.queue.then(run);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves once every update already asked for is on disk (call before deleting the folder). */
  settled(): Promise<void> {
    return this.queue;
  }

  private async write(value: T): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await rename(temp, this.file);
  }
}

async function readExisting<T>(file: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`State file ${file} is not valid JSON (${reason}); start with reset to recreate it`);
  }
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
