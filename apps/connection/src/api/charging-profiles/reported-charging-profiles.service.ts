import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { StationReadRepository } from '../stations/station-read.repository';
import { type ReportedChargingProfileRow, ReportedChargingProfilesReadRepository } from './reported-charging-profiles-read.repository';
import type { ReportedChargingProfileView, ReportedChargingProfilesQuery } from './reported-charging-profiles.schemas';

export function reportedChargingProfileViewOf(row: ReportedChargingProfileRow): ReportedChargingProfileView {
  return {
    requestId: Number(row.request_id),
    evseId: Number(row.evse_id),
    source: row.source as ReportedChargingProfileView['source'],
    profileId: Number(row.profile_id),
    stackLevel: Number(row.stack_level),
    purpose: row.purpose,
    profile: row.profile,
    tbc: row.tbc,
    reportedAt: new Date(row.recorded_at).toISOString(),
  };
}

/** What 2.0.1 stations said they hold when asked with GetChargingProfiles. */
@Injectable()
export class ReportedChargingProfilesService {
  constructor(
    private readonly reads: ReportedChargingProfilesReadRepository,
    private readonly stations: StationReadRepository,
  ) {}

  async list(stationId: string, query: ReportedChargingProfilesQuery): Promise<ApiResult<Page<ReportedChargingProfileView>>> {
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.reads.list({ stationId, requestId: query.requestId, evseId: query.evseId, beforeId: query.cursor?.[0], limit: limit + 1 });
    return succeeded(pageOf(rows, limit, reportedChargingProfileViewOf, (row) => [String(row.id)]));
  }
}
