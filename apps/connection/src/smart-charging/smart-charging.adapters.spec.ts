import { type JsonObject, toJson } from '@bufbuild/protobuf';
import { StationEventSchema, createEnvelope, decodeEnvelope, encodeEnvelope } from '@app/contracts';
import { type Ocpp201, validateRequest, validateResponse } from '@app/ocpp';
import type { StationEventBody } from '../station-events/event-body';
import { chargingLimitClearedEvent, chargingLimitEvent } from './charging-limit.adapter';
import { evChargingNeedsAnswer, evChargingNeedsEvent } from './ev-charging-needs.adapter';
import { chargingProfilesReportedEvent } from './reported-profile.adapter';

/** The body after a trip through the StationEvent envelope, as proto JSON (enum names; zero values left out). */
function onTheWire(body: StationEventBody): JsonObject {
  const envelope = createEnvelope('stationEvent', { eventId: 'e-1', stationId: 'CP-1', correlationId: 'c-1', body });
  const json = toJson(StationEventSchema, decodeEnvelope('stationEvent', encodeEnvelope('stationEvent', envelope))) as JsonObject;
  return json[String(body.case)] as JsonObject;
}

/** Every request a spec maps is one a real station may send. */
function valid<A extends keyof Ocpp201.RequestByAction>(action: A, request: Ocpp201.RequestByAction[A]): Ocpp201.RequestByAction[A] {
  expect(validateRequest('2.0.1', action, request)).toEqual({ ok: true });
  return request;
}

const schedule: Ocpp201.ChargingScheduleType = {
  id: 4,
  startSchedule: '2025-06-01T16:00:00.000Z',
  duration: 7200,
  chargingRateUnit: 'A',
  chargingSchedulePeriod: [
    { startPeriod: 0, limit: 16 },
    { startPeriod: 3600, limit: 6.5, numberPhases: 1, phaseToUse: 2 },
  ],
  minChargingRate: 6,
};

const neutralSchedule = {
  id: 4,
  startSchedule: '2025-06-01T16:00:00Z',
  durationSeconds: 7200,
  rateUnit: 'CHARGING_RATE_UNIT_AMPERE',
  periods: [{ limit: 16 }, { startPeriodSeconds: 3600, limit: 6.5, numberPhases: 1, phaseToUse: 2 }],
  minChargingRate: 6,
};

describe('NotifyEVChargingNeeds', () => {
  it('becomes ev_charging_needs with the AC limits per phase, the energy and the departure', () => {
    const request = valid('NotifyEVChargingNeeds', {
      evseId: 2,
      maxScheduleTuples: 24,
      chargingNeeds: {
        requestedEnergyTransfer: 'AC_three_phase',
        departureTime: '2025-06-01T18:30:00.000Z',
        acChargingParameters: { energyAmount: 30000, evMinCurrent: 6, evMaxCurrent: 16, evMaxVoltage: 400 },
      },
    });
    expect(onTheWire(evChargingNeedsEvent(request))).toEqual({
      evseId: 2,
      requestedEnergyTransfer: 'ENERGY_TRANSFER_MODE_AC_THREE_PHASE',
      departureTime: '2025-06-01T18:30:00Z',
      ac: { energyAmountWh: 30000, evMinCurrentA: 6, evMaxCurrentA: 16, evMaxVoltageV: 400 },
      maxScheduleTuples: 24,
    });
  });

  it('carries the DC parameters the EV gave, and no departure when it gave none', () => {
    const request = valid('NotifyEVChargingNeeds', {
      evseId: 1,
      chargingNeeds: {
        requestedEnergyTransfer: 'DC',
        dcChargingParameters: { evMaxCurrent: 125, evMaxVoltage: 450, evMaxPower: 50000, stateOfCharge: 20, fullSoC: 100, bulkSoC: 80 },
      },
    });
    expect(onTheWire(evChargingNeedsEvent(request))).toEqual({
      evseId: 1,
      requestedEnergyTransfer: 'ENERGY_TRANSFER_MODE_DC',
      dc: { evMaxCurrentA: 125, evMaxVoltageV: 450, evMaxPowerW: 50000, stateOfChargePercent: 20, fullSocPercent: 100, bulkSocPercent: 80 },
    });
  });

  it('is answered Accepted, schema-valid', () => {
    expect(validateResponse('2.0.1', 'NotifyEVChargingNeeds', evChargingNeedsAnswer())).toEqual({ ok: true });
    expect(evChargingNeedsAnswer()).toEqual({ status: 'Accepted' });
  });
});

describe('NotifyChargingLimit and ClearedChargingLimit', () => {
  it('becomes charging_limit with the schedules in neutral form', () => {
    const request = valid('NotifyChargingLimit', { evseId: 1, chargingLimit: { chargingLimitSource: 'SO', isGridCritical: true }, chargingSchedule: [schedule] });
    expect(onTheWire(chargingLimitEvent(request))).toEqual({
      source: 'CHARGING_LIMIT_SOURCE_SO',
      gridCritical: true,
      evseId: 1,
      schedules: [neutralSchedule],
    });
  });

  it('reads a limit without EVSE as the whole station, and one without schedules as an unknown limit', () => {
    const request = valid('NotifyChargingLimit', { chargingLimit: { chargingLimitSource: 'EMS' } });
    expect(onTheWire(chargingLimitEvent(request))).toEqual({ source: 'CHARGING_LIMIT_SOURCE_EMS' });
  });

  it('becomes charging_limit_cleared', () => {
    expect(onTheWire(chargingLimitClearedEvent(valid('ClearedChargingLimit', { chargingLimitSource: 'Other', evseId: 3 })))).toEqual({
      source: 'CHARGING_LIMIT_SOURCE_OTHER',
      evseId: 3,
    });
  });

  it.each(['NotifyChargingLimit', 'ClearedChargingLimit', 'ReportChargingProfiles'])('%s is answered with an empty, schema-valid payload', (action) => {
    expect(validateResponse('2.0.1', action, {})).toEqual({ ok: true });
  });
});

describe('ReportChargingProfiles', () => {
  it('becomes charging_profiles_reported with neutral profiles, external constraints included', () => {
    const request = valid('ReportChargingProfiles', {
      requestId: 77,
      chargingLimitSource: 'CSO',
      evseId: 1,
      tbc: true,
      chargingProfile: [
        {
          id: 12,
          stackLevel: 1,
          chargingProfilePurpose: 'TxProfile',
          chargingProfileKind: 'Relative',
          transactionId: 'tx-9',
          validTo: '2025-06-02T00:00:00.000Z',
          chargingSchedule: [{ id: 12, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }] }],
        },
        {
          id: 40,
          stackLevel: 0,
          chargingProfilePurpose: 'ChargingStationExternalConstraints',
          chargingProfileKind: 'Recurring',
          recurrencyKind: 'Daily',
          chargingSchedule: [schedule, { ...schedule, id: 5 }],
        },
      ],
    });
    expect(onTheWire(chargingProfilesReportedEvent(request))).toEqual({
      requestId: '77',
      source: 'CHARGING_LIMIT_SOURCE_CSO',
      evseId: 1,
      tbc: true,
      profiles: [
        {
          id: 12,
          stackLevel: 1,
          purpose: 'CHARGING_PROFILE_PURPOSE_TX',
          kind: 'CHARGING_PROFILE_KIND_RELATIVE',
          validTo: '2025-06-02T00:00:00Z',
          transactionId: 'tx-9',
          schedule: { id: 12, rateUnit: 'CHARGING_RATE_UNIT_WATT', periods: [{ limit: 11000 }] },
        },
        {
          id: 40,
          purpose: 'CHARGING_PROFILE_PURPOSE_EXTERNAL_CONSTRAINTS',
          kind: 'CHARGING_PROFILE_KIND_RECURRING',
          recurrency: 'RECURRENCY_KIND_DAILY',
          schedule: neutralSchedule,
        },
      ],
    });
  });
});
