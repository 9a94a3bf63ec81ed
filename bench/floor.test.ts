import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harborFloorRtts, listedRepository } from './floor.js';

test('listings named by the first page overlap the second page: 100 listings, 24 at a time, take 6 round trips', () => {
  assert.equal(
    harborFloorRtts(
      Array.from({ length: 100 }, () => 1),
      2,
      24,
    ),
    6,
  );
});

test('listings named by the last page wait for it: the 16 catalog listings on page 2 of 2, 6 at a time, take 5', () => {
  assert.equal(
    harborFloorRtts(
      Array.from({ length: 16 }, () => 2),
      2,
      6,
    ),
    5,
  );
});

test('one page and a listing no page named: the page, then the listing', () => {
  assert.equal(harborFloorRtts([0], 1, 6), 2);
});

test('no listing: the pages alone', () => {
  assert.equal(harborFloorRtts([], 3, 6), 3);
});

test('a listing path names its repository, its name decoded twice', () => {
  assert.equal(
    listedRepository('/ext-api/x/api/v2.0/projects/cse/repositories/tkg%252Fetcd/artifacts?with_tag=true&page=1'),
    'cse/tkg/etcd',
  );
});
