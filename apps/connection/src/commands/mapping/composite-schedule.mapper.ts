import type { OcppVersion } from '@app/ocpp';
import { byVersion } from './call-mapping';
import { type CommandResponse, statusResponse } from './command-response';
import type { BodyOf } from './neutral-command.types';
import { compact } from './payload-fields';
import { type JsonObject, numberAt, objectAt, objectsAt, stringAt } from './response-fields';

/** Phases a period uses when it does not say: 3, in both versions. */
const DEFAULT_PHASES = 3;

/**
 * The composite schedule in neutral form:
 *   { evseId, scheduleStart, durationSeconds, rateUnit: 'A' | 'W', periods: [{ startPeriodSeconds, limit, numberPhases, phaseToUse? }] }
 * 1.6 may leave out the start (then the schedule's startSchedule), the duration (then the one
 * asked for) and the connector (then the EVSE asked about).
 */
function neutralSchedule(get: BodyOf<'getCompositeSchedule'>, schedule: JsonObject, start: string | undefined, evseId: number | undefined) {
  return compact({
    evseId: evseId ?? get.evseId,
    scheduleStart: start ?? stringAt(schedule, 'startSchedule'),
    durationSeconds: numberAt(schedule, 'duration') ?? get.durationSeconds,
    rateUnit: stringAt(schedule, 'chargingRateUnit'),
    periods: objectsAt(schedule, 'chargingSchedulePeriod').map((period) =>
      compact({
        startPeriodSeconds: numberAt(period, 'startPeriod') ?? 0,
        limit: numberAt(period, 'limit') ?? 0,
        numberPhases: numberAt(period, 'numberPhases') ?? DEFAULT_PHASES,
        phaseToUse: numberAt(period, 'phaseToUse'),
      }),
    ),
  });
}

export function compositeScheduleResponse(version: OcppVersion, get: BodyOf<'getCompositeSchedule'>, payload: JsonObject): CommandResponse {
  const schedule = byVersion(version, {
    '1.6': () => {
      const found = objectAt(payload, 'chargingSchedule');
      return found && neutralSchedule(get, found, stringAt(payload, 'scheduleStart'), numberAt(payload, 'connectorId'));
    },
    '2.0.1': () => {
      const found = objectAt(payload, 'schedule');
      return found && neutralSchedule(get, found, stringAt(found, 'scheduleStart'), numberAt(found, 'evseId'));
    },
  });
  return statusResponse(payload, { schedule });
}
