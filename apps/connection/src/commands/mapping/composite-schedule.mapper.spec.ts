import { fromOcppResponse } from './from-ocpp-response';
import { commandWith, rateUnit, validAnswer } from './station-command.fixtures';

const composite = commandWith({ case: 'getCompositeSchedule', value: { evseId: 1, durationSeconds: 3600, rateUnit: rateUnit.ampere } });

describe('composite schedule answers', () => {
  it('maps a 1.6 schedule, filling the default 3 phases', () => {
    const answer = validAnswer('1.6', 'GetCompositeSchedule', {
      status: 'Accepted',
      connectorId: 1,
      scheduleStart: '2025-01-02T03:00:00Z',
      chargingSchedule: {
        duration: 1800,
        chargingRateUnit: 'A',
        chargingSchedulePeriod: [
          { startPeriod: 0, limit: 16, numberPhases: 1 },
          { startPeriod: 900, limit: 32 },
        ],
      },
    });
    expect(fromOcppResponse('1.6', composite, answer)).toStrictEqual({
      accepted: true,
      result: {
        status: 'Accepted',
        stationStatus: 'Accepted',
        schedule: {
          evseId: 1,
          scheduleStart: '2025-01-02T03:00:00Z',
          durationSeconds: 1800,
          rateUnit: 'A',
          periods: [
            { startPeriodSeconds: 0, limit: 16, numberPhases: 1 },
            { startPeriodSeconds: 900, limit: 32, numberPhases: 3 },
          ],
        },
      },
    });
  });

  it('falls back, in 1.6, to the schedule start, the requested duration and EVSE', () => {
    const answer = validAnswer('1.6', 'GetCompositeSchedule', {
      status: 'Accepted',
      chargingSchedule: { startSchedule: '2025-01-02T03:00:00Z', chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 7400 }] },
    });
    expect(fromOcppResponse('1.6', composite, answer).result['schedule']).toStrictEqual({
      evseId: 1,
      scheduleStart: '2025-01-02T03:00:00Z',
      durationSeconds: 3600,
      rateUnit: 'W',
      periods: [{ startPeriodSeconds: 0, limit: 7400, numberPhases: 3 }],
    });
  });

  it('maps a 2.0.1 schedule, keeping phaseToUse', () => {
    const answer = validAnswer('2.0.1', 'GetCompositeSchedule', {
      status: 'Accepted',
      schedule: {
        evseId: 1,
        duration: 3600,
        scheduleStart: '2025-01-02T03:00:00Z',
        chargingRateUnit: 'A',
        chargingSchedulePeriod: [{ startPeriod: 0, limit: 10.5, numberPhases: 1, phaseToUse: 2 }],
      },
    });
    expect(fromOcppResponse('2.0.1', composite, answer)).toStrictEqual({
      accepted: true,
      result: {
        status: 'Accepted',
        stationStatus: 'Accepted',
        schedule: {
          evseId: 1,
          scheduleStart: '2025-01-02T03:00:00Z',
          durationSeconds: 3600,
          rateUnit: 'A',
          periods: [{ startPeriodSeconds: 0, limit: 10.5, numberPhases: 1, phaseToUse: 2 }],
        },
      },
    });
  });

  it('answers a rejection without a schedule', () => {
    const answer = validAnswer('2.0.1', 'GetCompositeSchedule', { status: 'Rejected' });
    expect(fromOcppResponse('2.0.1', composite, answer)).toStrictEqual({ accepted: false, result: { status: 'Rejected', stationStatus: 'Rejected' } });
  });
});
