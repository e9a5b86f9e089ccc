import { MAX_SITE_POINTS, bucketMsOf, siteMaxPoints } from './draw-buckets';

// The folding itself runs in SQL (draw-sample.repository.ts): smart-charging-draw-history.e2e-spec.ts checks its buckets exactly.
describe('bucketMsOf', () => {
  it('splits the range into maxPoints equal whole-ms buckets covering it', () => {
    expect(bucketMsOf(0, 10_000, 2)).toBe(5_000);
    expect(bucketMsOf(0, 10_001, 2)).toBe(5_001);
    expect(bucketMsOf(0, 3, 5)).toBe(1);
    expect(bucketMsOf(5, 5, 5)).toBe(1);
  });
});

describe('siteMaxPoints', () => {
  it('answers the asked points per node while nodes × maxPoints fits', () => {
    expect(siteMaxPoints(50, 1000, 720)).toEqual({ ok: true, maxPoints: 1000 });
    expect(siteMaxPoints(10, 5000, 720)).toEqual({ ok: true, maxPoints: 5000 });
  });

  it('lowers the default to fit a large site', () => {
    expect(siteMaxPoints(3, undefined, 720)).toEqual({ ok: true, maxPoints: 720 });
    expect(siteMaxPoints(200, undefined, 720)).toEqual({ ok: true, maxPoints: 250 });
    expect(siteMaxPoints(0, undefined, 720)).toEqual({ ok: true, maxPoints: 720 });
  });

  it('refuses more points than the cap, naming the most it may ask', () => {
    expect(siteMaxPoints(200, 720, 720)).toEqual({ ok: false, detail: `the site has 200 nodes: 200 × maxPoints 720 = 144000 points, more than ${MAX_SITE_POINTS}; ask for maxPoints=250 or fewer` });
    expect(siteMaxPoints(MAX_SITE_POINTS + 1, undefined, 720)).toMatchObject({ ok: false });
  });
});
