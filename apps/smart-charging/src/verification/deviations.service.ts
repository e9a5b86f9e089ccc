import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { DrawDeviationRepository, type DrawDeviationRow } from './draw-deviation.repository';
import type { DeviationView, ListDeviationsQuery } from './deviations.schemas';

export function deviationViewOf(row: DrawDeviationRow): DeviationView {
  return {
    id: row.id,
    siteId: row.site_id,
    stationId: row.station_id,
    evseId: row.evse_id,
    transactionId: row.transaction_id,
    phases: row.phases,
    allowedA: row.allowed_a,
    drawnPeakA: row.drawn_peak_a,
    excessPeakA: row.excess_peak_a,
    openedAt: new Date(row.opened_at).toISOString(),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at).toISOString(),
  };
}

/** A site's draw deviations, newest first: they outlive their sessions and the site, like its audit log. */
@Injectable()
export class DeviationsService {
  constructor(private readonly repository: DrawDeviationRepository) {}

  async list(siteId: string, query: ListDeviationsQuery): Promise<Page<DeviationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.repository.list({ siteId, closedSince: query.closedSince, beforeId: query.cursor?.[0], limit: limit + 1 });
    return pageOf(rows, limit, deviationViewOf, (row) => [row.id]);
  }
}
