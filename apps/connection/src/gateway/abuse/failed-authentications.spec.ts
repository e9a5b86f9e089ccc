import { summaryOf } from './block-episode-summary';
import { FailedAuthentications } from './failed-authentications';

const limits = { failuresPerAddress: 3, failuresPerStation: 2, failureWindowMs: 10_000, blockMs: 60_000, trackedKeys: 1000 };

describe('FailedAuthentications', () => {
  it('blocks an address after its failures reach the threshold within the window, for the block time', () => {
    const tracker = new FailedAuthentications(limits);
    expect(tracker.failed('198.51.100.4', 'A', 0)).toEqual([]);
    expect(tracker.failed('198.51.100.4', 'B', 1000)).toEqual([]);
    expect(tracker.check('198.51.100.4', 'C', 1500)).toEqual({ blocked: false });
    expect(tracker.failed('198.51.100.4', 'C', 2000).map((episode) => episode.scope)).toEqual(['address']);
    expect(tracker.check('198.51.100.4', 'D', 2000)).toEqual({ blocked: true, scope: 'address', retryAfterMs: 60_000 });
    expect(tracker.check('203.0.113.9', 'D', 2000)).toEqual({ blocked: false });
    expect(tracker.check('198.51.100.4', 'D', 62_000)).toEqual({ blocked: false });
  });

  it('starts counting again when the window has passed', () => {
    const tracker = new FailedAuthentications(limits);
    tracker.failed('198.51.100.4', 'A', 0);
    tracker.failed('198.51.100.4', 'B', 5000);
    expect(tracker.failed('198.51.100.4', 'C', 10_001)).toEqual([]);
    expect(tracker.check('198.51.100.4', 'D', 10_002).blocked).toBe(false);
  });

  it('blocks a station id tried from many addresses, except from the address it last connected from', () => {
    const tracker = new FailedAuthentications(limits);
    tracker.succeeded('192.0.2.1', 'S');
    tracker.failed('198.51.100.1', 'S', 0);
    expect(tracker.failed('198.51.100.2', 'S', 10).map((episode) => episode.scope)).toEqual(['station']);
    expect(tracker.check('198.51.100.3', 'S', 20)).toMatchObject({ blocked: true, scope: 'station' });
    expect(tracker.check('192.0.2.1', 'S', 20)).toEqual({ blocked: false });
  });

  it('reports each episode once when it lapses: the failures that started it, the tries it refused and what they named', () => {
    const tracker = new FailedAuthentications({ ...limits, failuresPerStation: 1000 });
    ['A', 'B', 'C'].forEach((id, i) => tracker.failed('198.51.100.4', id, i * 100));
    for (let i = 0; i < 500; i += 1) tracker.check('198.51.100.4', `X-${i}`, 1000);
    expect(tracker.endLapsed(30_000)).toEqual([]);
    const [episode, ...others] = tracker.endLapsed(60_200);
    expect(others).toEqual([]);
    expect(episode).toMatchObject({ scope: 'address', key: '198.51.100.4', failures: 3, refused: 500, triedMore: true, firstStationId: 'A' });
    expect(episode?.tried.size).toBe(10);
    expect(tracker.endLapsed(120_000)).toEqual([]);
    expect(tracker.check('198.51.100.4', 'A', 60_300)).toEqual({ blocked: false });
    if (!episode) throw new Error('no episode ended');
    const summary = summaryOf(episode);
    expect(summary.stationId).toBe('A');
    expect(summary.techInfo).toMatch(/^address 198\.51\.100\.4 blocked for 60 s after 3 failed authentications in 0 s; 500 tries refused while blocked; station ids: A,B,C,X-0,/);
    expect(summary.techInfo).toMatch(/,\.\.\.$/);
  });

  it('keeps its tables bounded when an attacker rotates addresses and station ids, and still reports the blocks it had to drop', () => {
    const tracker = new FailedAuthentications({ ...limits, failuresPerAddress: 1, failuresPerStation: 1000, trackedKeys: 100 });
    for (let i = 0; i < 10_000; i += 1) tracker.failed(`10.0.${Math.floor(i / 250)}.${i % 250}`, `R-${i}`, i);
    expect(tracker.blocked).toBe(100);
    expect(tracker.endLapsed(10_000)).toHaveLength(9900);
    expect(tracker.endAll()).toHaveLength(100);
    expect(tracker.blocked).toBe(0);
  });

  it('forgets a station\'s failures once it authenticates', () => {
    const tracker = new FailedAuthentications(limits);
    tracker.failed('192.0.2.1', 'S', 0);
    tracker.succeeded('192.0.2.1', 'S');
    expect(tracker.failed('198.51.100.1', 'S', 10)).toEqual([]);
  });
});
