import pino from 'pino';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import { OcppErrorKind, WithholdResponse } from '@app/ocpp';
import type { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import type { StationEventEmitter } from '../station-events/station-event.emitter';
import type { EvChargingScheduleRepository } from './ev-charging-schedule.repository';
import type { ReportedProfileRepository } from './reported-profile.repository';
import { SmartChargingHandlers } from './smart-charging.handlers';

const context = (protocol: CallContext['protocol']): CallContext => ({ stationId: 'CP-1', protocol, securityProfile: 1, logger: pino({ level: 'silent' }) });

function registered(store: (stationId: string, report: unknown) => Promise<void> = async () => undefined) {
  const registry = new CallHandlerRegistry();
  const events = { publishAnswered: jest.fn() };
  const reported = { store: jest.fn(store) };
  // The real rule: a failed write withholds the answer.
  const durability = {
    store: async (_logger: unknown, action: string, write: () => Promise<unknown>) => {
      try {
        return await write();
      } catch (error) {
        throw new WithholdResponse(`${action} could not be stored`, error);
      }
    },
  };
  const evSchedules = { save: jest.fn().mockResolvedValue(undefined) };
  new SmartChargingHandlers(
    registry,
    events as unknown as StationEventEmitter,
    reported as unknown as ReportedProfileRepository,
    durability as unknown as DurableAcknowledgement,
    evSchedules as unknown as EvChargingScheduleRepository,
  ).onModuleInit();
  return { registry, events, reported, evSchedules };
}

const report = {
  requestId: 7,
  chargingLimitSource: 'CSO',
  evseId: 1,
  chargingProfile: [{ id: 3, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', chargingSchedule: [{ id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] }] }],
};

describe('SmartChargingHandlers', () => {
  it('answers a 2.0.1 station at once and publishes what it said', async () => {
    const { registry, events } = registered();
    const needs = { evseId: 1, chargingNeeds: { requestedEnergyTransfer: 'AC_single_phase' } };
    await expect(registry.dispatch(context('ocpp2.0.1'), 'NotifyEVChargingNeeds', needs)).resolves.toEqual({ status: 'Accepted' });
    await expect(registry.dispatch(context('ocpp2.0.1'), 'ClearedChargingLimit', { chargingLimitSource: 'EMS' })).resolves.toEqual({});
    expect(events.publishAnswered.mock.calls.map(([stationId, body]) => [stationId, body.case])).toEqual([
      ['CP-1', 'evChargingNeeds'],
      ['CP-1', 'chargingLimitCleared'],
    ]);
  });

  it('stores a reported profile part before answering, then publishes it', async () => {
    const { registry, events, reported } = registered();
    await expect(registry.dispatch(context('ocpp2.0.1'), 'ReportChargingProfiles', report)).resolves.toEqual({});
    expect(reported.store).toHaveBeenCalledWith('CP-1', report);
    expect(events.publishAnswered).toHaveBeenCalledWith('CP-1', expect.objectContaining({ case: 'chargingProfilesReported' }), expect.anything());
  });

  it('withholds the answer to a report it could not store, and publishes nothing', async () => {
    const { registry, events } = registered(async () => {
      throw new Error('database down');
    });
    await expect(registry.dispatch(context('ocpp2.0.1'), 'ReportChargingProfiles', report)).rejects.toBeInstanceOf(WithholdResponse);
    expect(events.publishAnswered).not.toHaveBeenCalled();
  });

  it('refuses ids no column can hold with PropertyConstraintViolation, storing nothing (a withheld answer would be resent for ever)', async () => {
    const { registry, reported, evSchedules } = registered();
    const tooLarge = { ...report, chargingProfile: [{ ...report.chargingProfile[0], id: 2_147_483_648 }] };
    await expect(registry.dispatch(context('ocpp2.0.1'), 'ReportChargingProfiles', tooLarge)).rejects.toMatchObject({ kind: OcppErrorKind.PropertyConstraintViolation, message: expect.stringContaining('chargingProfile[0].id') });
    const schedule = { timeBase: '2026-01-01T10:00:00Z', evseId: 2_147_483_648, chargingSchedule: { id: 1, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 1 }] } };
    await expect(registry.dispatch(context('ocpp2.0.1'), 'NotifyEVChargingSchedule', schedule)).rejects.toMatchObject({ kind: OcppErrorKind.PropertyConstraintViolation });
    expect(reported.store).not.toHaveBeenCalled();
    expect(evSchedules.save).not.toHaveBeenCalled();
  });

  it('refuses a report naming a profile id twice with PropertyConstraintViolation, storing nothing (found by the gateway fuzz)', async () => {
    const { registry, reported } = registered();
    const twice = { ...report, chargingProfile: [report.chargingProfile[0], report.chargingProfile[0]] };
    await expect(registry.dispatch(context('ocpp2.0.1'), 'ReportChargingProfiles', twice)).rejects.toMatchObject({ kind: OcppErrorKind.PropertyConstraintViolation, message: expect.stringContaining('more than once') });
    expect(reported.store).not.toHaveBeenCalled();
  });

  it('stores the EV’s charging schedule before accepting it', async () => {
    const { registry, evSchedules } = registered();
    const chargingSchedule = { id: 1, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }] };
    const request = { timeBase: '2026-01-01T10:00:00Z', evseId: 2, chargingSchedule };
    await expect(registry.dispatch(context('ocpp2.0.1'), 'NotifyEVChargingSchedule', request)).resolves.toEqual({ status: 'Accepted' });
    expect(evSchedules.save).toHaveBeenCalledWith('CP-1', 2, '2026-01-01T10:00:00Z', chargingSchedule);
  });

  it('leaves 1.6, which has none of these messages, to the NotSupported answer', async () => {
    const { registry } = registered();
    await expect(registry.dispatch(context('ocpp1.6'), 'NotifyEVChargingNeeds', {})).rejects.toMatchObject({ description: expect.stringContaining('not supported') });
  });
});
