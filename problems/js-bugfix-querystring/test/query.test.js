import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from '../query.js';

test('simple pairs, with or without ?', () => {
  assert.deepEqual(parseQuery('a=1&b=two'), { a: '1', b: 'two' });
  assert.deepEqual(parseQuery('?a=1'), { a: '1' });
  assert.deepEqual(parseQuery(''), {});
});

test('plus and percent escapes are decoded', () => {
  assert.deepEqual(parseQuery('q=hello+world&city=S%C3%A3o%20Paulo'), { q: 'hello world', city: 'São Paulo' });
  assert.deepEqual(parseQuery('eq=a%3Db'), { eq: 'a=b' });
});

test('a value may contain =', () => {
  assert.deepEqual(parseQuery('token=abc=='), { token: 'abc==' });
});

test('a key without = has an empty value', () => {
  assert.deepEqual(parseQuery('debug&x=1'), { debug: '', x: '1' });
});

test('repeated keys keep every value in order', () => {
  assert.deepEqual(parseQuery('tag=a&tag=b&tag=c&n=1'), { tag: ['a', 'b', 'c'], n: '1' });
});
