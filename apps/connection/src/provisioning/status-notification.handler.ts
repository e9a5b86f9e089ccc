import { Injectable } from '@nestjs/common';
import type { CallContext } from '../gateway/call-handler.registry';
import { alertOfStatus } from '../monitoring/alert-rules';
import { StationAlertsService } from '../monitoring/station-alerts.service';
import { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { StationHistoryRecorder } from '../station-history/station-history.recorder';
import { statusRecordOf } from '../station-history/station-history.records';
import type { ConnectorStatusReport } from '../stations/connector-status';
import { ConnectorRepository } from '../stations/connector.repository';
import { statusEvent } from './provisioning.events';

/**
 * StatusNotification, both versions: keeps the last status of every connector (a status older
 * than the stored one, queued while offline, is published but not stored) and publishes
 * `status` after answering. 1.6 error codes other than NoError are the station's fault reports.
 * Every status, late ones too, goes to the station's history in the background. The connector's
 * status and the fault alert it raises or clears are stored before the answer, the status in a
 * group commit with other stations' (ADR 035): when the database cannot take them the answer is
 * withheld, so the station sends the status again.
 */
@Injectable()
export class StatusNotificationHandler {
  constructor(
    private readonly connectors: ConnectorRepository,
    private readonly events: StationEventEmitter,
    private readonly history: StationHistoryRecorder,
    private readonly alerts: StationAlertsService,
    private readonly durability: DurableAcknowledgement,
  ) {}

  async handle(context: CallContext, report: ConnectorStatusReport): Promise<Record<string, never>> {
    const alert = alertOfStatus(report);
    const stored = await this.durability.store(context.logger, 'StatusNotification', async () => {
      // A healthy status clears its connector's fault alert in the status's own group commit; a fault raises one after it.
      const newer = await this.connectors.record(context.stationId, report, alert.kind === 'clear' ? alert.key : undefined);
      if (newer && alert.kind === 'raise') await this.alerts.statusReported(context.stationId, report);
      return newer;
    });
    const fault = alert.kind === 'raise';
    const log = { evseId: report.evseId, connectorId: report.connectorId, status: report.ocppStatus, errorCode: report.errorCode, stored };
    if (fault) context.logger.warn({ ...log, info: report.info, vendorErrorCode: report.vendorErrorCode }, 'station reports a fault');
    else context.logger.debug(log, 'connector status');
    this.events.publishAnswered(context.stationId, statusEvent(report), context.logger, { occurredAt: report.statusAt });
    this.history.statusChanged(statusRecordOf(context.stationId, report));
    return {};
  }
}
