import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { StationReadRepository } from '../stations/station-read.repository';
import { type AlertRow, AlertReadRepository } from './alert-read.repository';
import type { AlertView, AlertsQuery, StationAlertsQuery } from './alert.schemas';

/** Station alerts (monitoring events and connector faults) across stations or for one, newest first. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly reads: AlertReadRepository,
    private readonly stations: StationReadRepository,
  ) {}

  async list(query: AlertsQuery, tenant?: string): Promise<Page<AlertView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.reads.list({ stationId: query.stationId, state: query.state, maxSeverity: query.maxSeverity, since: query.since, beforeId: query.cursor?.[0], tenant, limit: limit + 1 });
    return pageOf(rows, limit, alertViewOf, (row) => [row.id]);
  }

  async ofStation(stationId: string, query: StationAlertsQuery): Promise<ApiResult<Page<AlertView>>> {
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    return succeeded(await this.list({ ...query, stationId }));
  }
}

const iso = (value: Date) => new Date(value).toISOString();

export function alertViewOf(row: AlertRow): AlertView {
  return {
    alertId: row.id,
    stationId: row.station_id,
    state: row.cleared_at === null ? 'active' : 'cleared',
    source: row.source,
    severity: row.severity,
    component: row.component,
    variable: row.variable,
    monitorId: row.monitor_id,
    evseId: row.evse_id,
    connectorId: row.connector_id,
    eventId: row.event_id,
    trigger: row.trigger,
    eventType: row.event_type,
    actualValue: row.actual_value,
    techCode: row.tech_code,
    techInfo: row.tech_info,
    errorCode: row.error_code,
    vendorErrorCode: row.vendor_error_code,
    info: row.info,
    raisedAt: iso(row.raised_at),
    lastReportedAt: iso(row.last_reported_at),
    clearedAt: row.cleared_at === null ? null : iso(row.cleared_at),
  };
}
