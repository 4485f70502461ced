/**
 * A least-recently-used cache holding at most `capacity` entries. Reading or writing a key
 * makes it the most recently used; adding a new key to a full cache evicts the least recently
 * used one and calls onEvict(key, value) for it.
 */
export class LRUCache {
  constructor(capacity, onEvict = () => {}) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.onEvict = onEvict;
    // A Map iterates in insertion order: the first key is the least recently used.
    this.entries = new Map();
  }

  get size() {
    return this.entries.size;
  }

  get(key) {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key);
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  put(key, value) {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const [oldestKey, oldestValue] = this.entries.entries().next().value;
      this.entries.delete(oldestKey);
      this.onEvict(oldestKey, oldestValue);
    }
  }

  keys() {
    return [...this.entries.keys()];
  }
}
