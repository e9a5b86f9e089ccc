import { ChargingProfileKind, ChargingProfilePurpose, ChargingRateUnit, RecurrencyKind, timestampFromDate } from '@app/contracts';
import { chargingProfileSchema, neutralChargingProfile } from './charging-profile.json';

const base = { id: 5, purpose: 'tx-default', unit: 'W', periods: [{ startSeconds: 0, limit: 11000 }] };

function issues(profile: object): string[] {
  return (chargingProfileSchema.safeParse(profile).error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('charging profiles in JSON', () => {
  it('map to the neutral profile with names turned into contract enums', () => {
    const profile = chargingProfileSchema.parse({
      ...base,
      stackLevel: 1,
      kind: 'recurring',
      recurrency: 'daily',
      validFrom: '2025-06-01T00:00:00Z',
      startSchedule: '2025-06-01T18:00:00Z',
      durationSeconds: 14_400,
      minChargingRate: 1400,
      periods: [
        { startSeconds: 0, limit: 11000 },
        { startSeconds: 7200, limit: 4000, numberPhases: 1, phaseToUse: 2 },
      ],
    });
    expect(neutralChargingProfile(profile)).toEqual({
      id: 5,
      stackLevel: 1,
      purpose: ChargingProfilePurpose.TX_DEFAULT,
      kind: ChargingProfileKind.RECURRING,
      recurrency: RecurrencyKind.DAILY,
      validFrom: timestampFromDate(new Date('2025-06-01T00:00:00Z')),
      validTo: undefined,
      transactionId: '',
      schedule: {
        id: 5,
        startSchedule: timestampFromDate(new Date('2025-06-01T18:00:00Z')),
        durationSeconds: 14_400,
        rateUnit: ChargingRateUnit.WATT,
        minChargingRate: 1400,
        periods: [
          { startPeriodSeconds: 0, limit: 11000, numberPhases: 0, phaseToUse: 0 },
          { startPeriodSeconds: 7200, limit: 4000, numberPhases: 1, phaseToUse: 2 },
        ],
      },
    });
  });

  it('default to an absolute profile on stack level 0', () => {
    expect(chargingProfileSchema.parse(base)).toMatchObject({ kind: 'absolute', stackLevel: 0 });
  });

  it.each([
    [{ ...base, kind: 'recurring' }, 'recurrency: is required for a recurring profile'],
    [{ ...base, recurrency: 'weekly' }, 'recurrency: applies to recurring profiles only'],
    [{ ...base, transactionId: '42' }, 'transactionId: only a tx profile names a transaction'],
    [{ ...base, validFrom: '2025-06-02T00:00:00Z', validTo: '2025-06-01T00:00:00Z' }, 'validTo: must be after validFrom'],
    [{ ...base, periods: [{ startSeconds: 60, limit: 1 }] }, 'periods.0.startSeconds: the first period starts at 0'],
    [{ ...base, periods: [{ startSeconds: 0, limit: 1 }, { startSeconds: 0, limit: 2 }] }, 'periods.1.startSeconds: must be after the previous period'],
    [{ ...base, periods: [{ startSeconds: 0, limit: 1, phaseToUse: 1 }] }, 'periods.0.phaseToUse: needs numberPhases 1'],
    [{ ...base, periods: [] }, 'periods: Too small: expected array to have >=1 items'],
    [{ ...base, periods: [{ startSeconds: 0, limit: -1 }] }, 'periods.0.limit: Too small: expected number to be >=0'],
  ])('refuse %j: %s', (profile, issue) => {
    expect(issues(profile)).toContain(issue);
  });
});
