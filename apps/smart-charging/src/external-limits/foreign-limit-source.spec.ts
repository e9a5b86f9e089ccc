import { SOURCE_PATTERN } from '../limits/limit-source';
import { clearedBy, operatorProfileOf, operatorProfileSource, replacedBy, stationLimitSource } from './foreign-limit-source';
import type { ForeignProfileSlot } from './foreign-profile';

const held = (slot: Partial<ForeignProfileSlot>): ForeignProfileSlot => ({ profileId: 5, purpose: 'tx-default', evseId: 1, stackLevel: 2, ...slot });

describe('foreign limit sources', () => {
  it('names a station’s reported limit per limit source and EVSE, as the limits table allows', () => {
    expect(stationLimitSource('CP:7', 'EMS', 2)).toBe('station:CP:7:EMS:2');
    expect(SOURCE_PATTERN.test(stationLimitSource('x'.repeat(48), 'Other', 2147483647))).toBe(true);
  });

  it('names an operator’s profile so that it can be read back, even for a station id holding colons', () => {
    const source = operatorProfileSource('CP:7', held({}));
    expect(source).toBe('operator-profile:CP:7:tx-default:1:2:5');
    expect(SOURCE_PATTERN.test(source)).toBe(true);
    expect(operatorProfileOf(source, 'CP:7')).toEqual(held({}));
    expect(operatorProfileOf(source, 'CP')).toBeUndefined();
    expect(operatorProfileOf('station:CP:7:EMS:0', 'CP:7')).toBeUndefined();
  });

  it('replaces what a station replaces: the same id, or the same purpose and stack level on the same EVSE', () => {
    const installed = held({ profileId: 9, stackLevel: 3 });
    expect(replacedBy(installed, held({ profileId: 9, purpose: 'station-max', evseId: 0 }))).toBe(true);
    expect(replacedBy(installed, held({ profileId: 1, stackLevel: 3 }))).toBe(true);
    expect(replacedBy(installed, held({ profileId: 1, stackLevel: 2 }))).toBe(false);
    expect(replacedBy(installed, held({ profileId: 1, stackLevel: 3, evseId: 2 }))).toBe(false);
  });

  it('clears by id alone, otherwise by every criterion given', () => {
    expect(clearedBy({ profileId: 5, purpose: 'tx' }, held({}))).toBe(true);
    expect(clearedBy({ profileId: 6 }, held({}))).toBe(false);
    expect(clearedBy({}, held({}))).toBe(true);
    expect(clearedBy({ purpose: 'tx-default', stackLevel: 2 }, held({}))).toBe(true);
    expect(clearedBy({ purpose: 'tx-default', evseId: 2 }, held({}))).toBe(false);
  });
});
