/**
 * The engine counts in whole milliamperes: sums of integers below 2^53 are exact in floating point,
 * so no limit is ever exceeded by rounding, and the same input gives the same output whatever order
 * the sums run in. A value within a millionth of a mA of a whole number is that number (1.001 A is
 * 1001 mA, although 1.001 × 1000 is 1000.999…); otherwise limits and maxima round down, minima and
 * fixed loads round up: always to the safe side.
 */

export function milliampsAtMost(amperes: number): number {
  const milli = amperes * 1000;
  const nearest = Math.round(milli);
  return Math.abs(milli - nearest) < 1e-6 ? nearest : Math.floor(milli);
}

export function milliampsAtLeast(amperes: number): number {
  const milli = amperes * 1000;
  const nearest = Math.round(milli);
  return Math.abs(milli - nearest) < 1e-6 ? nearest : Math.ceil(milli);
}
