import { OcppErrorKind, OcppRpcError, type Ocpp201 } from '@app/ocpp';
import { Injectable } from '@nestjs/common';
import type { ConnectorStatusReport } from '../stations/connector-status';
import { type AlertChange, alertOfEvent, alertOfStatus } from './alert-rules';
import { eventProblem } from './monitoring-limits';
import { StationAlertRepository } from './station-alert.repository';
import { StationMonitorRepository } from './station-monitor.repository';

/**
 * Station alerts from what stations send: 2.0.1 NotifyEvent (severity from the monitor that fired)
 * and connector faults of both versions' StatusNotification. Stored before the station is
 * answered, so an acknowledged fault is never lost.
 */
@Injectable()
export class StationAlertsService {
  constructor(
    private readonly alerts: StationAlertRepository,
    private readonly monitors: StationMonitorRepository,
  ) {}

  /** Throws PropertyConstraintViolation (nothing stored) for an event whose ids cannot be stored. */
  async eventsNotified(stationId: string, request: Ocpp201.NotifyEventRequest): Promise<void> {
    const problem = request.eventData.map(eventProblem).find((found) => found !== undefined);
    if (problem !== undefined) throw new OcppRpcError(OcppErrorKind.PropertyConstraintViolation, problem);
    const monitorIds = request.eventData.flatMap((event) => (event.variableMonitoringId === undefined ? [] : [event.variableMonitoringId]));
    const known = await this.monitors.findMany(stationId, monitorIds);
    for (const event of request.eventData) {
      await this.apply(stationId, alertOfEvent(event, event.variableMonitoringId === undefined ? undefined : known.get(event.variableMonitoringId)));
    }
  }

  async statusReported(stationId: string, report: ConnectorStatusReport): Promise<void> {
    await this.apply(stationId, alertOfStatus(report));
  }

  private async apply(stationId: string, change: AlertChange): Promise<void> {
    if (change.kind === 'raise') await this.alerts.raise(stationId, { ...change.alert, at: validOrNow(change.alert.at) });
    if (change.kind === 'clear') await this.alerts.clear(stationId, change.key, validOrNow(change.at));
  }
}

function validOrNow(at: Date): Date {
  return Number.isNaN(at.getTime()) ? new Date() : at;
}
