import { fullBucket, isFull, takeToken } from './token-bucket';

describe('token bucket', () => {
  const limit = { perSecond: 2, burst: 3 };

  it('gives the burst at once, then tells how long until the next token', () => {
    const bucket = fullBucket(limit, 0);
    expect([takeToken(bucket, limit, 0), takeToken(bucket, limit, 0), takeToken(bucket, limit, 0)]).toEqual([0, 0, 0]);
    expect(takeToken(bucket, limit, 0)).toBe(500);
    expect(takeToken(bucket, limit, 250)).toBe(250);
    expect(takeToken(bucket, limit, 500)).toBe(0);
  });

  it('refills at the rate up to the burst, never beyond it', () => {
    const bucket = fullBucket(limit, 0);
    for (let i = 0; i < 3; i += 1) takeToken(bucket, limit, 0);
    expect(isFull(bucket, limit, 1000)).toBe(false);
    expect(isFull(bucket, limit, 60_000)).toBe(true);
    expect(bucket.tokens).toBe(3);
  });

  it('never runs dry with a rate of 0 (the limit is off)', () => {
    const off = { perSecond: 0, burst: 1 };
    const bucket = fullBucket(off, 0);
    expect(Array.from({ length: 10 }, () => takeToken(bucket, off, 0))).toEqual(Array(10).fill(0));
  });

  it('ignores a clock that goes backwards', () => {
    const bucket = fullBucket({ perSecond: 1, burst: 1 }, 1000);
    takeToken(bucket, { perSecond: 1, burst: 1 }, 1000);
    expect(takeToken(bucket, { perSecond: 1, burst: 1 }, 0)).toBe(1000);
  });
});
