/**
 * URL slugs for blog posts. Must behave exactly like slugify.py (the server side).
 * @param {string} text
 * @param {number} [maxLength=50]
 * @returns {string}
 */
export function slugify(text, maxLength = 50) {
  // Accents come off (é -> e); what has no ASCII form (ß, 日本) is dropped.
  const ascii = text.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  const slug = ascii.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  let cut = slug.slice(0, maxLength);
  // Never end in the middle of a word when a whole word can be dropped instead.
  if (slug[maxLength] !== '-' && cut.includes('-')) {
    cut = cut.slice(0, cut.lastIndexOf('-'));
  }
  return cut.replace(/^-+|-+$/g, '');
}
