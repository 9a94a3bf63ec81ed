import assert from 'node:assert/strict';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileLimitError, MAX_ZIP_BYTES, readLimitedFile } from './files.js';
import { readPluginZip } from './plugin-zip.js';

describe('readLimitedFile', () => {
  let dir: string;
  const file = (name: string): string => path.join(dir, name);
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'deploy-files-'));
    await writeFile(file('small'), 'token\n');
    await writeFile(file('at-limit'), Buffer.alloc(1024, 0x61));
    await writeFile(file('over-limit'), Buffer.alloc(1025, 0x61));
    await mkdir(file('a-directory'));
    // Sparse: 1 GiB stated, nothing written. Read, it would take seconds and a GiB of memory.
    const huge = await open(file('huge'), 'w');
    await huge.truncate(1024 * 1024 * 1024);
    await huge.close();
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('reads a file within the limit, up to exactly the limit', async () => {
    assert.equal((await readLimitedFile(file('small'), 1024)).toString(), 'token\n');
    assert.equal((await readLimitedFile(file('at-limit'), 1024)).byteLength, 1024);
  });

  const refusals: [string, string, string][] = [
    ['one byte over the limit', 'over-limit', 'is 2 KiB, more than the 1 KiB such a file can be: is it the right file?'],
    ['a 1 GiB file, from its size alone', 'huge', 'is 1024.0 MiB, more than the 1 KiB such a file can be: is it the right file?'],
    ['a directory', 'a-directory', 'is not a regular file'],
    ['a missing file', 'missing', 'cannot be read (ENOENT)'],
  ];
  for (const [name, target, message] of refusals) {
    it(`refuses ${name}`, async () => {
      await assert.rejects(
        readLimitedFile(file(target), 1024),
        (error: unknown) => error instanceof FileLimitError && error.message === message,
      );
    });
  }

  it('refuses a device such as /dev/zero instead of reading it for ever', async () => {
    await assert.rejects(readLimitedFile('/dev/zero', 1024), { message: 'is not a regular file' });
  });

  it('refuses a plug-in zip over 32 MiB before reading it', async () => {
    const big = await open(file('big.zip'), 'w');
    await big.truncate(MAX_ZIP_BYTES + 1);
    await big.close();
    await assert.rejects(readPluginZip(file('big.zip')), { message: /big\.zip is 32\.0 MiB, more than the 32\.0 MiB such a file can be/ });
  });
});
