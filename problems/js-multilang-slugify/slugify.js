/**
 * URL slugs for blog posts. Must behave exactly like slugify.py (the server side).
 * @param {string} text
 * @param {number} [maxLength=50]
 * @returns {string}
 */
export function slugify(text, maxLength = 50) {
  throw new Error('not ported yet: see slugify.py');
}
