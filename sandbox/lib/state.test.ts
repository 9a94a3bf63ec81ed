import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { StateStore } from './state.js';

interface Counter {
  count: number;
}

describe('StateStore', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(path.join(tmpdir(), 'state-test-'))));
  after(() => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

  const fileIn = (name: string): string => path.join(dir, name, 'state.json');

  it('seeds a missing file, creating its folder', async () => {
    const file = fileIn('seeded');
    const store = await StateStore.open<Counter>(file, () => ({ count: 1 }), { reset: false });
    assert.deepEqual(store.get(), { count: 1 });
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), { count: 1 });
  });

  it('keeps what an earlier run wrote, unless reset', async () => {
    const file = fileIn('kept');
    const first = await StateStore.open<Counter>(file, () => ({ count: 1 }), { reset: false });
    await first.update((draft) => void (draft.count = 7));
    const reopened = await StateStore.open<Counter>(file, () => ({ count: 1 }), { reset: false });
    assert.equal(reopened.get().count, 7);
    const reset = await StateStore.open<Counter>(file, () => ({ count: 1 }), { reset: true });
    assert.equal(reset.get().count, 1);
  });

  it('applies concurrent updates in order and leaves no temporary file', async () => {
    const file = fileIn('concurrent');
    const store = await StateStore.open<Counter>(file, () => ({ count: 0 }), { reset: false });
    await Promise.all(Array.from({ length: 20 }, () => store.update((draft) => void (draft.count += 1))));
    assert.equal(store.get().count, 20);
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), { count: 20 });
    assert.deepEqual(await readdir(path.dirname(file)), ['state.json']);
  });

  it('leaves the document unchanged when an update throws, and resolves to what it returns', async () => {
    const store = await StateStore.open<Counter>(fileIn('failing'), () => ({ count: 3 }), { reset: false });
    await assert.rejects(
      store.update((draft) => {
        draft.count = 99;
        throw new Error('refused');
      }),
      /refused/,
    );
    assert.equal(store.get().count, 3);
    assert.equal(await store.update((draft) => (draft.count += 1)), 4);
  });

  it('names the file when it is not JSON', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{ nope');
    await assert.rejects(
      StateStore.open(file, () => ({}), { reset: false }),
      /broken\.json is not valid JSON/,
    );
  });
});
