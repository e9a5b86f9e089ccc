import { ASSUMED_CAPABILITIES, type ChargingCapabilities } from './charging-capabilities';
import { buildProfile, capPeriods, isOwnProfileIdRange, profileIdOf, tenthsDown } from './profile-builder';

const start = Date.parse('2026-12-05T10:00:00.750Z');
const capable: ChargingCapabilities = { rateUnits: ['A', 'W'], maxStackLevel: 8, maxPeriods: 4, maxProfiles: 16 };

describe('buildProfile', () => {
  it('writes a TxProfile in amperes at the station’s highest stack level, limits rounded down to a tenth', () => {
    const profile = buildProfile(
      { purpose: 'tx', evseId: 2, transactionId: 'T9', phases: 3, timeline: [{ atOffsetS: 0, amps: 16.6666 }], startAt: start, durationS: 900 },
      capable,
    );
    expect(profile).toEqual({
      id: profileIdOf('tx', 2),
      stackLevel: 8,
      purpose: 'tx',
      evseId: 2,
      transactionId: 'T9',
      startSchedule: Date.parse('2026-12-05T10:00:00Z'),
      durationS: 900,
      rateUnit: 'A',
      numberPhases: 3,
      periods: [{ startPeriodS: 0, limit: 16.6 }],
    });
  });

  it('converts to whole watts for a station that takes only watts', () => {
    const profile = buildProfile(
      { purpose: 'tx-default', evseId: 1, phases: 1, timeline: [{ atOffsetS: 0, amps: 10.05 }], startAt: start },
      { ...capable, rateUnits: ['W'] },
    );
    expect(profile).toMatchObject({ rateUnit: 'W', numberPhases: 1, periods: [{ startPeriodS: 0, limit: 2311 }], transactionId: undefined });
  });

  it('keeps ids stable per purpose and EVSE, distinct across them', () => {
    const ids = ['tx', 'tx-default', 'station-max'].flatMap((purpose) => [0, 1, 2].map((evse) => profileIdOf(purpose as 'tx', evse)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(profileIdOf('tx', 1)).toBe(profileIdOf('tx', 1));
    expect(ids.every(isOwnProfileIdRange)).toBe(true);
    expect([1, 9_099_999, 9_103_000].some(isOwnProfileIdRange)).toBe(false);
  });

  it('uses one period and stack level 1 when the station has not told what it takes', () => {
    const profile = buildProfile(
      { purpose: 'tx', evseId: 1, transactionId: 'T', phases: 3, timeline: [{ atOffsetS: 0, amps: 20 }, { atOffsetS: 300, amps: 10 }], startAt: start, durationS: 900 },
      ASSUMED_CAPABILITIES,
    );
    expect(profile).toMatchObject({ stackLevel: 1, periods: [{ startPeriodS: 0, limit: 10 }] });
  });
});

describe('capPeriods', () => {
  it('merges equal neighbours, then folds what does not fit into one period at the lowest limit', () => {
    const timeline = [
      { atOffsetS: 0, amps: 20 },
      { atOffsetS: 60, amps: 20 },
      { atOffsetS: 120, amps: 12 },
      { atOffsetS: 180, amps: 16 },
      { atOffsetS: 240, amps: 8 },
      { atOffsetS: 300, amps: 30 },
    ];
    expect(capPeriods(timeline, 10)).toEqual([
      { atOffsetS: 0, amps: 20 },
      { atOffsetS: 120, amps: 12 },
      { atOffsetS: 180, amps: 16 },
      { atOffsetS: 240, amps: 8 },
      { atOffsetS: 300, amps: 30 },
    ]);
    expect(capPeriods(timeline, 3)).toEqual([
      { atOffsetS: 0, amps: 20 },
      { atOffsetS: 120, amps: 12 },
      { atOffsetS: 180, amps: 8 },
    ]);
  });
});

describe('tenthsDown', () => {
  it('never rounds up', () => {
    expect(tenthsDown(6.09999)).toBe(6);
    expect(tenthsDown(6.1)).toBe(6.1);
    expect(tenthsDown(-0.2)).toBe(0);
  });
});
