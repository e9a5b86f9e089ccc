import type { PhaseTriple } from '../allocation';

/** One point of a node's history: a sample, or the samples of one time bucket folded together. */
export interface DrawPoint {
  /** The sample's time, or the start of its bucket (epoch ms). */
  at: number;
  limitA?: PhaseTriple;
  limitW?: number;
  allocatedA: PhaseTriple;
  allocatedW: number;
  drawnA: PhaseTriple;
  /** How many samples it stands for. */
  samples: number;
}

export interface DrawPoints {
  points: DrawPoint[];
  /** The width of a bucket (ms) when the samples were folded, else undefined. */
  bucketMs?: number;
}

const maxOf = (a: PhaseTriple, b: PhaseTriple): PhaseTriple => [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.max(a[2], b[2])];

/** Folds samples (oldest first) into one point: the peak draw, the limit in force at its end, the mean allocation. */
function foldBucket(at: number, samples: readonly DrawPoint[]): DrawPoint {
  const last = samples[samples.length - 1] as DrawPoint;
  let drawnA: PhaseTriple = [0, 0, 0];
  const sumA: PhaseTriple = [0, 0, 0];
  let sumW = 0;
  let count = 0;
  for (const sample of samples) {
    drawnA = maxOf(drawnA, sample.drawnA);
    for (let phase = 0; phase < 3; phase++) sumA[phase] = (sumA[phase] ?? 0) + (sample.allocatedA[phase] ?? 0) * sample.samples;
    sumW += sample.allocatedW * sample.samples;
    count += sample.samples;
  }
  return { at, limitA: last.limitA, limitW: last.limitW, allocatedA: [sumA[0] / count, sumA[1] / count, sumA[2] / count], allocatedW: sumW / count, drawnA, samples: count };
}

/**
 * A node's samples between `from` and `to` (oldest first) as at most `maxPoints` points: as they
 * are when they fit, else folded into equal time buckets from `from` (a chart keeps its peaks,
 * so the draw is the bucket's maximum; the limit is the one at the bucket's end, the allocation its mean).
 * Empty buckets give no point.
 */
export function drawPointsOf(samples: readonly DrawPoint[], from: number, to: number, maxPoints: number): DrawPoints {
  if (samples.length <= maxPoints) return { points: [...samples] };
  const bucketMs = Math.max(1, Math.ceil((to - from) / maxPoints));
  const points: DrawPoint[] = [];
  let bucket: DrawPoint[] = [];
  let bucketIndex = -1;
  for (const sample of samples) {
    const index = Math.min(maxPoints - 1, Math.max(0, Math.floor((sample.at - from) / bucketMs)));
    if (index !== bucketIndex && bucket.length > 0) points.push(foldBucket(from + bucketIndex * bucketMs, bucket));
    if (index !== bucketIndex) bucket = [];
    bucketIndex = index;
    bucket.push(sample);
  }
  if (bucket.length > 0) points.push(foldBucket(from + bucketIndex * bucketMs, bucket));
  return { points, bucketMs };
}
