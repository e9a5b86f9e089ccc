import type { PhaseTriple } from '../allocation';
import { type DrawPoint, drawPointsOf } from './draw-buckets';

function sample(at: number, drawn: number, allocated: number, limit: number | undefined): DrawPoint {
  const triple: (value: number) => PhaseTriple = (value) => [value, value, value];
  return { at, limitA: limit === undefined ? undefined : triple(limit), limitW: undefined, allocatedA: triple(allocated), allocatedW: allocated * 690, drawnA: triple(drawn), samples: 1 };
}

describe('drawPointsOf', () => {
  it('answers the samples as they are when they fit in maxPoints', () => {
    const samples = [sample(0, 1, 2, 32), sample(1_000, 2, 2, 32)];
    expect(drawPointsOf(samples, 0, 10_000, 2)).toEqual({ points: samples });
  });

  it('folds more samples than maxPoints into equal buckets from `from`: peak draw, the limit at the bucket’s end, mean allocation', () => {
    // 10 s at one sample a second into 2 buckets of 5 s; the limit drops from 32 A to 16 A at 3 s.
    const samples = Array.from({ length: 10 }, (_, index) => sample(index * 1_000, index === 1 ? 30 : 10, index < 5 ? 8 : 4, index < 3 ? 32 : 16));
    const { points, bucketMs } = drawPointsOf(samples, 0, 10_000, 2);
    expect(bucketMs).toBe(5_000);
    expect(points).toEqual([
      { at: 0, limitA: [16, 16, 16], limitW: undefined, allocatedA: [8, 8, 8], allocatedW: 8 * 690, drawnA: [30, 30, 30], samples: 5 },
      { at: 5_000, limitA: [16, 16, 16], limitW: undefined, allocatedA: [4, 4, 4], allocatedW: 4 * 690, drawnA: [10, 10, 10], samples: 5 },
    ]);
  });

  it('takes the maximum per phase and the mean per phase, and leaves empty buckets out', () => {
    const a: DrawPoint = { at: 0, limitA: undefined, limitW: 11_000, allocatedA: [10, 0, 0], allocatedW: 2_300, drawnA: [9, 0, 1], samples: 1 };
    const b: DrawPoint = { at: 1_000, limitA: undefined, limitW: 9_000, allocatedA: [0, 10, 0], allocatedW: 2_300, drawnA: [1, 8, 0], samples: 1 };
    const late: DrawPoint = { ...a, at: 9_500 };
    const { points } = drawPointsOf([a, b, late], 0, 10_000, 2);
    expect(points).toHaveLength(2);
    expect(points[0]).toEqual({ at: 0, limitA: undefined, limitW: 9_000, allocatedA: [5, 5, 0], allocatedW: 2_300, drawnA: [9, 8, 1], samples: 2 });
    expect(points[1]?.at).toBe(5_000);
  });

  it('never answers more than maxPoints points, whatever the count of samples', () => {
    const samples = Array.from({ length: 10_000 }, (_, index) => sample(index * 15_000, index % 7, 3, 32));
    const { points } = drawPointsOf(samples, 0, 10_000 * 15_000, 720);
    expect(points.length).toBeLessThanOrEqual(720);
    expect(points.reduce((sum, point) => sum + point.samples, 0)).toBe(10_000);
    expect(points.every((point, index) => index === 0 || point.at > (points[index - 1]?.at ?? 0))).toBe(true);
  });
});
