import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeIntervals } from '../intervals.js';

test('empty and single', () => {
  assert.deepEqual(mergeIntervals([]), []);
  assert.deepEqual(mergeIntervals([[1, 3]]), [[1, 3]]);
});

test('overlapping intervals merge', () => {
  assert.deepEqual(mergeIntervals([[1, 3], [2, 6], [8, 10], [15, 18]]), [[1, 6], [8, 10], [15, 18]]);
});

test('touching intervals merge', () => {
  assert.deepEqual(mergeIntervals([[1, 4], [4, 5]]), [[1, 5]]);
});

test('unsorted input, nested intervals', () => {
  assert.deepEqual(mergeIntervals([[8, 9], [1, 10], [2, 3], [12, 12]]), [[1, 10], [12, 12]]);
});

test('the input is left alone', () => {
  const input = [[5, 7], [1, 6]];
  mergeIntervals(input);
  assert.deepEqual(input, [[5, 7], [1, 6]]);
});

test('large input', () => {
  const input = [];
  for (let i = 0; i < 100000; i++) input.push([2 * i, 2 * i + 1]);
  input.reverse();
  const merged = mergeIntervals(input);
  assert.equal(merged.length, 100000);
  assert.deepEqual(merged[0], [0, 1]);
});
