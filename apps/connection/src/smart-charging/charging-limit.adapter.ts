import type { Ocpp201 } from '@app/ocpp';
import type { StationEventBody } from '../station-events/event-body';
import { limitSourceOf, scheduleOf201 } from './reported-profile.adapter';

/** 2.0.1 NotifyChargingLimit as `charging_limit`; no EVSE means the whole station (0). */
export function chargingLimitEvent(request: Ocpp201.NotifyChargingLimitRequest): StationEventBody {
  return {
    case: 'chargingLimit',
    value: {
      source: limitSourceOf[request.chargingLimit.chargingLimitSource],
      gridCritical: request.chargingLimit.isGridCritical ?? false,
      evseId: request.evseId ?? 0,
      schedules: (request.chargingSchedule ?? []).map(scheduleOf201),
    },
  };
}

/** 2.0.1 ClearedChargingLimit as `charging_limit_cleared`. */
export function chargingLimitClearedEvent(request: Ocpp201.ClearedChargingLimitRequest): StationEventBody {
  return { case: 'chargingLimitCleared', value: { source: limitSourceOf[request.chargingLimitSource], evseId: request.evseId ?? 0 } };
}
