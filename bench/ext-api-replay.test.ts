import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inWaves, sentRequests } from './ext-api-replay.js';

test('a listing leaves once the page naming its repository has answered, while the next page is read', async () => {
  const log: string[] = [];
  const get = async (path: string): Promise<void> => {
    log.push(`start ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.push(`end ${path}`);
  };
  const sent = { prerequisites: [['project', 'page 1'], ['page 2']], listings: ['a', 'b', 'c'], listingPages: [1, 2, 0] };
  await inWaves(get, sent, 2);
  const at = (entry: string): number => log.indexOf(entry);
  assert.ok(at('start a') > at('end page 1') && at('start a') < at('end page 2'), log.join(', '));
  assert.ok(at('start b') > at('end page 2'), log.join(', '));
  assert.ok(at('start c') > at('end page 2'), log.join(', '));
  assert.equal(log.length, 12);
});

test("a check's paths sort into the list's waves and the listings", () => {
  const sent = sentRequests([
    '/p/api/v2.0/projects/cse',
    '/p/api/v2.0/projects/cse/repositories?page=1&page_size=100',
    '/p/api/v2.0/projects/cse/repositories/tkg%252Fetcd/artifacts?with_tag=true&page=1&page_size=100',
    '/p/api/v2.0/projects/cse/repositories?page=2&page_size=100',
  ]);
  assert.deepEqual(sent.prerequisites, [
    ['/p/api/v2.0/projects/cse', '/p/api/v2.0/projects/cse/repositories?page=1&page_size=100'],
    ['/p/api/v2.0/projects/cse/repositories?page=2&page_size=100'],
  ]);
  assert.deepEqual(sent.listings, ['/p/api/v2.0/projects/cse/repositories/tkg%252Fetcd/artifacts?with_tag=true&page=1&page_size=100']);
});
