import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify } from '../slugify.js';

// Expected values come from slugify.py (python3 -c "from slugify import slugify; ...").
const CASES = [
  [["Hello, World!"], "hello-world"],
  [["  Crème brûlée: a recipe  "], "creme-brulee-a-recipe"],
  [["Straße & Co. 2024"], "strae-co-2024"],
  [["ﬁle uploads in 3 steps"], "file-uploads-in-3-steps"],
  [["日本語 title"], "title"],
  [["---"], ""],
  [[""], ""],
  [["C# vs. C++ -- which one?"], "c-vs-c-which-one"],
  [["The quick brown fox jumps over the lazy dog again and again"], "the-quick-brown-fox-jumps-over-the-lazy-dog-again"],
  [["The quick brown fox jumps over the lazy dog", 19], "the-quick-brown-fox"],
  [["The quick brown fox jumps", 9], "the-quick"],
  [["Supercalifragilistic", 5], "super"],
  [["ÀÉÎÕÜ ÿ"], "aeiou-y"],
  [["tabs\tand\nnewlines"], "tabs-and-newlines"],
  [["The quick brown fox jumps", 12], "the-quick"],
  [["The quick brown fox jumps", 15], "the-quick-brown"],
];

for (const [args, expected] of CASES) {
  test(`slugify(${JSON.stringify(args).slice(1, -1)})`, () => {
    assert.equal(slugify(...args), expected);
  });
}
