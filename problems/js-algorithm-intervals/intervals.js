/**
 * Merges overlapping or touching [start, end] intervals (start <= end, integers) and returns
 * them sorted by start. The input is not modified.
 * @param {Array<[number, number]>} intervals
 * @returns {Array<[number, number]>}
 */
export function mergeIntervals(intervals) {
  throw new Error('mergeIntervals is not implemented yet');
}
