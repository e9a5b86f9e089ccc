import type { ForeignProfileSlot } from '../external-limits/foreign-profile';
import { clearOfForeign, foreignProfilesByStation } from './foreign-profile-clearance';
import type { PlannedProfile } from './planned-profile';

const ours: PlannedProfile = { id: 9_100_000, stackLevel: 3, purpose: 'station-max', evseId: 0, startSchedule: 0, rateUnit: 'A', numberPhases: 3, periods: [{ startPeriodS: 0, limit: 32 }] };
const operator = (slot: Partial<ForeignProfileSlot>): ForeignProfileSlot => ({ profileId: 77, purpose: 'station-max', evseId: 0, stackLevel: 3, ...slot });

describe('clearOfForeign', () => {
  it('keeps our stack level when no operator profile of the purpose and EVSE holds it', () => {
    expect(clearOfForeign(ours, [operator({ stackLevel: 2 }), operator({ purpose: 'tx-default' }), operator({ purpose: 'tx', evseId: 1 })])).toEqual({ ok: true, profile: ours });
  });

  it('moves below the operator’s stack level, to the highest one free', () => {
    expect(clearOfForeign(ours, [operator({}), operator({ profileId: 78, stackLevel: 2 })])).toEqual({ ok: true, profile: { ...ours, stackLevel: 1 } });
  });

  it('sends nothing when every level is taken, or when the operator used our id', () => {
    const all = [0, 1, 2, 3].map((stackLevel) => operator({ profileId: 70 + stackLevel, stackLevel }));
    expect(clearOfForeign(ours, all)).toMatchObject({ ok: false, reason: expect.stringContaining('every stack level') });
    expect(clearOfForeign(ours, [operator({ profileId: ours.id, purpose: 'tx', evseId: 1 })])).toMatchObject({ ok: false, reason: expect.stringContaining('id 9100000') });
  });
});

describe('foreignProfilesByStation', () => {
  it('reads each station’s operator profiles once each, whatever else the sources hold', () => {
    const source = 'operator-profile:D:1:station-max:0:3:77';
    const byStation = foreignProfilesByStation([source, source, 'operator-profile:D-2:tx:1:0:5', 'station:D:1:EMS:0', 'grid-operator']);
    expect(Object.fromEntries(byStation)).toEqual({ 'D:1': [operator({})], 'D-2': [operator({ profileId: 5, purpose: 'tx', evseId: 1, stackLevel: 0 })] });
  });
});
