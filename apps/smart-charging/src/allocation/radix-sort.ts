const digitBits = 11;
const digitValues = 1 << digitBits;
const largestKey = 2 ** 33;

/**
 * The given indices sorted by an integer key ≥ 0 (mA), stably: an LSD radix sort on 11-bit digits,
 * as many passes as the largest key needs (2 up to 4 kA). Linear, several times faster than a
 * comparator sort; keys of 2^33 or more fall back to one.
 */
export function sortByIntegerKey(indices: Int32Array, key: Float64Array): Int32Array {
  let largest = 0;
  for (const index of indices) largest = Math.max(largest, key[index]);
  if (largest >= largestKey) return indices.slice().sort((a, b) => key[a] - key[b]);
  let from = indices.slice();
  let to = new Int32Array(indices.length);
  const start = new Int32Array(digitValues);
  for (let divisor = 1; divisor === 1 || largest >= divisor; divisor *= digitValues) {
    start.fill(0);
    for (const index of from) start[Math.floor(key[index] / divisor) & (digitValues - 1)]++;
    let offset = 0;
    for (let digit = 0; digit < digitValues; digit++) {
      const count = start[digit];
      start[digit] = offset;
      offset += count;
    }
    for (const index of from) to[start[Math.floor(key[index] / divisor) & (digitValues - 1)]++] = index;
    [from, to] = [to, from];
  }
  return from;
}
