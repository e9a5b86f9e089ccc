import type { ChargingProfile, InstalledProfile, SchedulePeriod } from './charging-profile';
import type { ChargingRate } from './charging-rate';
import { compositeSchedule, type CompositeRequest, limitAt } from './composite-schedule';

const T0 = Date.parse('2025-01-06T10:00:00Z');
const at = (seconds: number): number => T0 + seconds * 1000;

function profile(overrides: Partial<ChargingProfile> & { periods?: SchedulePeriod[]; unit?: 'A' | 'W'; duration?: number; startSchedule?: number }): ChargingProfile {
  const { periods = [{ startPeriod: 0, limit: 16 }], unit = 'A', duration, startSchedule = T0, ...rest } = overrides;
  return {
    id: 1,
    stackLevel: 0,
    purpose: 'TxDefault',
    kind: 'Absolute',
    receivedAt: T0,
    schedule: { unit, periods, duration, startSchedule },
    ...rest,
  };
}

const on = (evseId: number, entry: ChargingProfile): InstalledProfile => ({ evseId, profile: entry });
const context = { evseId: 1, relativeStart: T0 };
const capability: ChargingRate = { unit: 'A', limit: 32, numberPhases: 3 };

function request(overrides: Partial<CompositeRequest> = {}): CompositeRequest {
  return { ...context, from: T0, durationS: 3600, unit: 'A', capability, ...overrides };
}

describe('limitAt', () => {
  it('is undefined when no profile applies', () => {
    expect(limitAt([], T0, context)).toBeUndefined();
  });

  it('takes the highest stack level of a purpose', () => {
    const installed = [on(1, profile({ id: 1, stackLevel: 0 })), on(1, profile({ id: 2, stackLevel: 3, periods: [{ startPeriod: 0, limit: 20 }] }))];
    expect(limitAt(installed, T0, context)).toMatchObject({ profileId: 2, limit: 20 });
  });

  it('falls back to a lower stack level where the higher one has no period in force', () => {
    const installed = [
      on(1, profile({ id: 1, stackLevel: 0, periods: [{ startPeriod: 0, limit: 10 }] })),
      on(1, profile({ id: 2, stackLevel: 5, periods: [{ startPeriod: 0, limit: 20 }], duration: 600 })),
    ];
    expect(limitAt(installed, at(599), context)).toMatchObject({ profileId: 2 });
    expect(limitAt(installed, at(600), context)).toMatchObject({ profileId: 1, limit: 10 });
  });

  it('lets a TxProfile overrule a TxDefaultProfile of a higher stack level', () => {
    const installed = [
      on(1, profile({ id: 1, stackLevel: 9, periods: [{ startPeriod: 0, limit: 6 }] })),
      on(1, profile({ id: 2, purpose: 'Tx', stackLevel: 0, periods: [{ startPeriod: 0, limit: 25 }] })),
    ];
    const withTransaction = { ...context, transaction: { id: 'tx-1', startedAt: T0 } };
    expect(limitAt(installed, T0, withTransaction)).toMatchObject({ profileId: 2, limit: 25 });
  });

  it('ignores a TxProfile when no transaction runs, or when it belongs to another transaction', () => {
    const installed = [on(1, profile({ id: 2, purpose: 'Tx', transactionId: 'tx-1' }))];
    expect(limitAt(installed, T0, context)).toBeUndefined();
    expect(limitAt(installed, T0, { ...context, transaction: { id: 'tx-2', startedAt: T0 } })).toBeUndefined();
    expect(limitAt(installed, T0, { ...context, transaction: { id: 'tx-1', startedAt: T0 } })).toMatchObject({ profileId: 2 });
  });

  it('caps a transaction limit by the station maximum, comparing watts', () => {
    const installed = [
      on(0, profile({ id: 1, purpose: 'StationMax', unit: 'W', periods: [{ startPeriod: 0, limit: 7360 }] })),
      on(1, profile({ id: 2, periods: [{ startPeriod: 0, limit: 16 }] })),
    ];
    // 16 A × 230 V × 3 = 11 040 W > 7 360 W
    expect(limitAt(installed, T0, context)).toMatchObject({ profileId: 1, unit: 'W', limit: 7360 });
  });

  it('applies a TxDefaultProfile set on EVSE 0 to every EVSE, the EVSE-specific one winning a tie', () => {
    const stationWide = on(0, profile({ id: 1, stackLevel: 1, periods: [{ startPeriod: 0, limit: 10 }] }));
    expect(limitAt([stationWide], T0, { ...context, evseId: 2 })).toMatchObject({ profileId: 1 });
    const specific = on(2, profile({ id: 2, stackLevel: 1, periods: [{ startPeriod: 0, limit: 12 }] }));
    expect(limitAt([stationWide, specific], T0, { ...context, evseId: 2 })).toMatchObject({ profileId: 2 });
  });

  it('counts only station-wide profiles for EVSE 0', () => {
    const installed = [on(1, profile({ id: 1 })), on(0, profile({ id: 2, purpose: 'StationMax', periods: [{ startPeriod: 0, limit: 40 }] }))];
    expect(limitAt(installed, T0, { ...context, evseId: 0 })).toMatchObject({ profileId: 2 });
  });

  it('applies external constraints as an additional cap', () => {
    const installed = [on(1, profile({ id: 1 })), on(0, profile({ id: 9, purpose: 'ExternalConstraints', periods: [{ startPeriod: 0, limit: 8 }] }))];
    expect(limitAt(installed, T0, context)).toMatchObject({ profileId: 9, limit: 8 });
  });

  it('honours validFrom (inclusive) and validTo (exclusive)', () => {
    const installed = [on(1, profile({ validFrom: at(100), validTo: at(200) }))];
    expect(limitAt(installed, at(99), context)).toBeUndefined();
    expect(limitAt(installed, at(100), context)).toBeDefined();
    expect(limitAt(installed, at(199), context)).toBeDefined();
    expect(limitAt(installed, at(200), context)).toBeUndefined();
  });

  it('switches periods exactly at their start', () => {
    const installed = [on(1, profile({ periods: [{ startPeriod: 0, limit: 16 }, { startPeriod: 300, limit: 8 }] }))];
    expect(limitAt(installed, at(299.999), context)).toMatchObject({ limit: 16 });
    expect(limitAt(installed, at(300), context)).toMatchObject({ limit: 8 });
  });

  it('is undefined before the first period of a schedule that does not start at 0', () => {
    const installed = [on(1, profile({ periods: [{ startPeriod: 60, limit: 8 }] }))];
    expect(limitAt(installed, at(59), context)).toBeUndefined();
    expect(limitAt(installed, at(60), context)).toMatchObject({ limit: 8 });
  });

  it('starts a Relative schedule with the transaction', () => {
    const relative = on(1, profile({ kind: 'Relative', startSchedule: undefined, periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 60, limit: 6 }] }));
    const transaction = { id: 't', startedAt: at(1000) };
    expect(limitAt([relative], at(1059), { ...context, transaction })).toMatchObject({ limit: 10 });
    expect(limitAt([relative], at(1060), { ...context, transaction })).toMatchObject({ limit: 6 });
  });

  it('repeats a Recurring Daily schedule every day', () => {
    const midnight = Date.parse('2025-01-01T00:00:00Z');
    const nightly = on(
      1,
      profile({ kind: 'Recurring', recurrency: 'Daily', startSchedule: midnight, periods: [{ startPeriod: 0, limit: 32 }, { startPeriod: 8 * 3600, limit: 10 }] }),
    );
    expect(limitAt([nightly], Date.parse('2025-01-09T07:59:59Z'), context)).toMatchObject({ limit: 32 });
    expect(limitAt([nightly], Date.parse('2025-01-09T08:00:00Z'), context)).toMatchObject({ limit: 10 });
    expect(limitAt([nightly], Date.parse('2025-01-10T00:00:00Z'), context)).toMatchObject({ limit: 32 });
  });

  it('keeps a Recurring Daily schedule shorter than a day silent for the rest of the day', () => {
    const midnight = Date.parse('2025-01-01T00:00:00Z');
    const morning = on(1, profile({ kind: 'Recurring', recurrency: 'Daily', startSchedule: midnight, duration: 3600 }));
    expect(limitAt([morning], Date.parse('2025-01-05T00:59:59Z'), context)).toBeDefined();
    expect(limitAt([morning], Date.parse('2025-01-05T01:00:00Z'), context)).toBeUndefined();
  });

  it('repeats a Recurring Weekly schedule every seven days', () => {
    const monday = Date.parse('2025-01-06T00:00:00Z');
    const weekly = on(1, profile({ kind: 'Recurring', recurrency: 'Weekly', startSchedule: monday, periods: [{ startPeriod: 0, limit: 8 }, { startPeriod: 86_400, limit: 32 }] }));
    expect(limitAt([weekly], Date.parse('2025-01-20T12:00:00Z'), context)).toMatchObject({ limit: 8 });
    expect(limitAt([weekly], Date.parse('2025-01-21T12:00:00Z'), context)).toMatchObject({ limit: 32 });
  });

  it('uses numberPhases 3 when a period names none', () => {
    expect(limitAt([on(1, profile({}))], T0, context)).toMatchObject({ numberPhases: 3 });
  });
});

describe('compositeSchedule', () => {
  it('is the capability when no profile applies', () => {
    expect(compositeSchedule([], request()).periods).toEqual([{ startPeriod: 0, limit: 32, numberPhases: 3 }]);
  });

  it('lists one period per change, relative to the request start', () => {
    const installed = [on(1, profile({ periods: [{ startPeriod: 0, limit: 16 }, { startPeriod: 600, limit: 8 }], duration: 1200 }))];
    expect(compositeSchedule(installed, request()).periods).toEqual([
      { startPeriod: 0, limit: 16, numberPhases: 3 },
      { startPeriod: 600, limit: 8, numberPhases: 3 },
      { startPeriod: 1200, limit: 32, numberPhases: 3 },
    ]);
  });

  it('starts in the middle of a schedule that began before the request', () => {
    const installed = [on(1, profile({ periods: [{ startPeriod: 0, limit: 16 }, { startPeriod: 600, limit: 8 }] }))];
    expect(compositeSchedule(installed, request({ from: at(300) })).periods).toEqual([
      { startPeriod: 0, limit: 16, numberPhases: 3 },
      { startPeriod: 300, limit: 8, numberPhases: 3 },
    ]);
  });

  it('merges adjacent periods with the same limit', () => {
    const installed = [on(1, profile({ periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 60, limit: 10 }, { startPeriod: 120, limit: 12 }] }))];
    expect(compositeSchedule(installed, request()).periods.map((p) => p.startPeriod)).toEqual([0, 120]);
  });

  it('converts amperes to watts at 230 V per phase', () => {
    const installed = [on(1, profile({ periods: [{ startPeriod: 0, limit: 16, numberPhases: 1 }] }))];
    expect(compositeSchedule(installed, request({ unit: 'W' })).periods).toEqual([{ startPeriod: 0, limit: 3680, numberPhases: 1 }]);
  });

  it('converts watts to amperes per phase, rounding to one decimal', () => {
    const installed = [on(1, profile({ unit: 'W', periods: [{ startPeriod: 0, limit: 10000, numberPhases: 3 }] }))];
    expect(compositeSchedule(installed, request({ unit: 'A' })).periods).toEqual([{ startPeriod: 0, limit: 14.5, numberPhases: 3 }]);
  });

  it('takes the minimum of the station maximum and the transaction limit at each instant', () => {
    const installed = [
      on(0, profile({ id: 1, purpose: 'StationMax', periods: [{ startPeriod: 0, limit: 20 }, { startPeriod: 900, limit: 12 }] })),
      on(1, profile({ id: 2, periods: [{ startPeriod: 0, limit: 16 }, { startPeriod: 1800, limit: 25 }] })),
    ];
    expect(compositeSchedule(installed, request()).periods).toEqual([
      { startPeriod: 0, limit: 16, numberPhases: 3 },
      { startPeriod: 900, limit: 12, numberPhases: 3 },
    ]);
  });

  it('includes the instants a profile becomes and stops being valid', () => {
    const installed = [on(1, profile({ validFrom: at(60), validTo: at(120), periods: [{ startPeriod: 0, limit: 6 }] }))];
    expect(compositeSchedule(installed, request()).periods).toEqual([
      { startPeriod: 0, limit: 32, numberPhases: 3 },
      { startPeriod: 60, limit: 6, numberPhases: 3 },
      { startPeriod: 120, limit: 32, numberPhases: 3 },
    ]);
  });

  it('repeats a Recurring Daily schedule across midnight', () => {
    const midnight = Date.parse('2025-01-01T00:00:00Z');
    const evening = on(
      1,
      profile({ kind: 'Recurring', recurrency: 'Daily', startSchedule: midnight, periods: [{ startPeriod: 0, limit: 10 }, { startPeriod: 22 * 3600, limit: 20 }] }),
    );
    const from = Date.parse('2025-01-03T21:00:00Z');
    expect(compositeSchedule([evening], request({ from, durationS: 4 * 3600 })).periods).toEqual([
      { startPeriod: 0, limit: 10, numberPhases: 3 },
      { startPeriod: 3600, limit: 20, numberPhases: 3 },
      { startPeriod: 3 * 3600, limit: 10, numberPhases: 3 },
    ]);
  });

  it('returns the station-wide composite for EVSE 0', () => {
    const installed = [on(0, profile({ id: 1, purpose: 'StationMax', periods: [{ startPeriod: 0, limit: 24 }] })), on(1, profile({ id: 2, periods: [{ startPeriod: 0, limit: 6 }] }))];
    const schedule = compositeSchedule(installed, request({ evseId: 0 }));
    expect(schedule).toMatchObject({ evseId: 0, periods: [{ startPeriod: 0, limit: 24, numberPhases: 3 }] });
  });
});
