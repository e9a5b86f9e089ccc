import type { ApiPrincipal } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { StationMonitorRepository } from '../station-core.port';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { StationReadRepository } from '../stations/station-read.repository';
import { MonitoringCommandsService } from './monitoring-commands.service';
import { ocppComponent, ocppVariable, stationStatusOf } from './monitoring-call';
import { type ReportJobRow, MonitoringReportJobRepository } from './monitoring-report-job.repository';
import type { MonitoringReportBody, ReportJobView } from './monitoring.schemas';

/**
 * GetMonitoringReport as a tracked job: stored with a fresh requestId, sent, and followed by
 * the NotifyMonitoringReport parts the monitoring module assembles. EmptyResultSet completes the
 * job at once; for a full report it also means the station has no monitors left.
 */
@Injectable()
export class MonitoringReportsService {
  constructor(
    private readonly commands: MonitoringCommandsService,
    private readonly jobs: MonitoringReportJobRepository,
    private readonly monitors: StationMonitorRepository,
    private readonly stations: StationReadRepository,
  ) {}

  async request(stationId: string, body: MonitoringReportBody, actor?: ApiPrincipal): Promise<ApiResult<ReportJobView>> {
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    const refusal = this.commands.versionRefusal(stationId, 'GetMonitoringReport');
    if (refusal) return refusal;
    const fullReport = body.criteria === undefined && body.componentVariables === undefined;
    const payload: Record<string, unknown> = {};
    if (body.criteria !== undefined) payload.monitoringCriteria = body.criteria;
    if (body.componentVariables !== undefined) {
      payload.componentVariable = body.componentVariables.map((entry) =>
        entry.variable === undefined ? { component: ocppComponent(entry.component) } : { component: ocppComponent(entry.component), variable: ocppVariable(entry.variable) },
      );
    }
    const requestId = await this.jobs.create(stationId, payload, fullReport);
    const sent = await this.commands.call(stationId, 'GetMonitoringReport', { ...payload, requestId }, body.timeoutSeconds, actor);
    if (!sent.ok) {
      await this.jobs.answered(stationId, requestId, { status: 'failed', stationStatus: null, error: sent.error.message, completed: true });
      return sent;
    }
    const stationStatus = stationStatusOf(sent.value.result);
    if (stationStatus === 'EmptyResultSet') {
      if (fullReport) await this.monitors.replaceAll(stationId, []);
      await this.jobs.answered(stationId, requestId, { status: 'complete', stationStatus, error: null, completed: true });
    } else {
      const status = stationStatus === 'Accepted' ? 'accepted' : 'rejected';
      await this.jobs.answered(stationId, requestId, { status, stationStatus, error: null, completed: status === 'rejected' });
    }
    return this.job(stationId, requestId);
  }

  async job(stationId: string, requestId: number): Promise<ApiResult<ReportJobView>> {
    const row = await this.jobs.find(stationId, requestId);
    if (row === undefined) return failed(OperatorApiErrorCode.monitoringReportNotFound, `station ${stationId} has no monitoring report ${requestId}`);
    return succeeded(jobViewOf(row));
  }

  async monitorsOf(stationId: string) {
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    return succeeded({ items: await this.monitors.list(stationId) });
  }
}

function jobViewOf(row: ReportJobRow): ReportJobView {
  return {
    requestId: row.request_id,
    status: row.status,
    stationStatus: row.station_status,
    fullReport: row.full_report,
    parts: row.parts,
    monitors: row.monitors,
    error: row.error,
    requestedAt: new Date(row.requested_at).toISOString(),
    completedAt: row.completed_at === null ? null : new Date(row.completed_at).toISOString(),
  };
}
