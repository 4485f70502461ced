import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LRUCache } from '../lru.js';

test('stores and reads values', () => {
  const c = new LRUCache(2);
  c.put('a', 1);
  c.put('b', 2);
  assert.equal(c.get('a'), 1);
  assert.equal(c.get('b'), 2);
  assert.equal(c.get('zzz'), undefined);
  assert.equal(c.size, 2);
});

test('evicts the least recently used entry', () => {
  const evicted = [];
  const c = new LRUCache(2, (k, v) => evicted.push([k, v]));
  c.put('a', 1);
  c.put('b', 2);
  c.get('a');
  c.put('c', 3);
  assert.deepEqual(c.keys(), ['a', 'c']);
  assert.deepEqual(evicted, [['b', 2]]);
});

test('overwriting a key refreshes it and does not evict', () => {
  const evicted = [];
  const c = new LRUCache(2, (k) => evicted.push(k));
  c.put('a', 1);
  c.put('b', 2);
  c.put('a', 10);
  assert.deepEqual(evicted, []);
  c.put('c', 3);
  assert.deepEqual(evicted, ['b']);
  assert.equal(c.get('a'), 10);
});

test('capacity one', () => {
  const c = new LRUCache(1);
  c.put('x', 1);
  c.put('y', 2);
  assert.deepEqual(c.keys(), ['y']);
});

test('bad capacity', () => {
  assert.throws(() => new LRUCache(0), RangeError);
});
