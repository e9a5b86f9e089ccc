import { appliedForecast } from './applied-forecast';
import { afterHeartbeat, afterMessage, isSilent, ourOfflineModeAt, registeredLiveness } from './provider-liveness';
import type { ForecastedBlock } from './oscp-messages.schemas';

const at = (seconds: number) => new Date(Date.UTC(2030, 0, 1, 12) + seconds * 1000);

describe('provider silence', () => {
  it('counts a provider never heard of as silent one heartbeat interval after its registration', () => {
    const liveness = registeredLiveness(at(0), 60);
    expect(isSilent(liveness, at(59))).toBe(false);
    expect(isSilent(liveness, at(60))).toBe(true);
  });

  it('takes the heartbeat’s offline_mode_at as the instant it goes silent, later or earlier than assumed', () => {
    const registered = registeredLiveness(at(0), 60);
    const later = afterHeartbeat(registered, at(10), at(300));
    expect(isSilent(later, at(299))).toBe(false);
    expect(isSilent(later, at(300))).toBe(true);
    const earlier = afterHeartbeat(registered, at(10), at(20));
    expect(isSilent(earlier, at(20))).toBe(true);
  });

  it('keeps a provider that sends a forecast alive for one interval at least, never shortening what its heartbeat promised', () => {
    const heartbeat = afterHeartbeat(registeredLiveness(at(0), 30), at(0), at(100));
    expect(afterMessage(heartbeat, at(10)).silentFrom).toEqual(at(100));
    const silent = afterMessage(heartbeat, at(200));
    expect(isSilent(heartbeat, at(200))).toBe(true);
    expect(isSilent(silent, at(200))).toBe(false);
    expect(silent.silentFrom).toEqual(at(230));
  });

  it('announces our own offline_mode_at two intervals ahead', () => {
    expect(ourOfflineModeAt(at(0), 15)).toEqual(at(30));
  });
});

describe('which forecast applies', () => {
  const blocks = (capacity: number): ForecastedBlock[] => [{ capacity, phase: 'ALL', unit: 'A', start_time: '2030-01-01T12:00:00Z', end_time: '2030-01-01T13:00:00Z' }];

  it('is the normal forecast while the provider speaks, even when it sent a fallback', () => {
    expect(appliedForecast(false, { normal: blocks(40), fallback: blocks(10) })).toMatchObject({ kind: 'normal', schedule: { slots: [{ perPhaseA: [40, 40, 40] }] } });
  });

  it('is the fallback while the provider is silent', () => {
    expect(appliedForecast(true, { normal: blocks(40), fallback: blocks(10) })).toMatchObject({ kind: 'fallback', schedule: { default: { perPhaseA: [10, 10, 10] } } });
  });

  it('stays the normal forecast when a silent provider never sent a fallback', () => {
    expect(appliedForecast(true, { normal: blocks(40) })).toMatchObject({ kind: 'normal' });
  });

  it('is nothing while the provider speaks and sent only a fallback', () => {
    expect(appliedForecast(false, { fallback: blocks(10) })).toEqual({ kind: 'none' });
  });
});
