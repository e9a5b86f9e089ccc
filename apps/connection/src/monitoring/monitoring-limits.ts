import type { Ocpp201 } from '@app/ocpp';
import type { StationMonitor } from './station-monitor';

// The OCA schemas bound neither integers nor severities; what we store does (integer columns,
// severity 0-9). A value outside is the station's error, refused with a precise CALLERROR
// rather than failing the INSERT with an InternalError.

const INT32_MAX = 2147483647;
const fitsInteger = (value: number | undefined) => value === undefined || (Number.isInteger(value) && value >= 0 && value <= INT32_MAX);

/** Why this monitor cannot be stored, or undefined when it can. */
export function monitorProblem(monitor: StationMonitor): string | undefined {
  if (!fitsInteger(monitor.monitorId)) return `monitor id ${monitor.monitorId} is not an integer from 0 to ${INT32_MAX}`;
  if (!fitsInteger(monitor.component.evseId) || !fitsInteger(monitor.component.connectorId)) return `monitor ${monitor.monitorId} names an EVSE or connector id out of range`;
  if (!Number.isInteger(monitor.severity) || monitor.severity < 0 || monitor.severity > 9) return `monitor ${monitor.monitorId} has severity ${monitor.severity}; OCPP severities are 0-9`;
  return undefined;
}

/** Why this NotifyMonitoringReport part cannot be stored, or undefined when it can. */
export function reportPartProblem(request: Ocpp201.NotifyMonitoringReportRequest, monitors: readonly StationMonitor[]): string | undefined {
  if (!fitsInteger(request.requestId) || !fitsInteger(request.seqNo)) return `requestId and seqNo must be integers from 0 to ${INT32_MAX}`;
  for (const monitor of monitors) {
    const problem = monitorProblem(monitor);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** Why this NotifyEvent event cannot be stored as an alert, or undefined when it can. */
export function eventProblem(event: Ocpp201.EventDataType): string | undefined {
  if (!fitsInteger(event.eventId) || !fitsInteger(event.variableMonitoringId)) return `event ${event.eventId}: eventId and variableMonitoringId must be integers from 0 to ${INT32_MAX}`;
  if (!fitsInteger(event.component.evse?.id) || !fitsInteger(event.component.evse?.connectorId)) return `event ${event.eventId} names an EVSE or connector id out of range`;
  return undefined;
}
