import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import type { ListSecurityEventsQuery, SecurityEventView } from './security-event.schemas';
import { SecurityEventRepository, type SecurityEventRow } from './security-event.repository';

export function securityEventViewOf(row: SecurityEventRow): SecurityEventView {
  return {
    eventId: row.event_id,
    stationId: row.station_id,
    type: row.type,
    at: new Date(row.occurred_at).toISOString(),
    techInfo: row.tech_info,
    raisedByCsms: row.raised_by_csms,
    receivedAt: new Date(row.received_at).toISOString(),
  };
}

/** Security events for security teams: what stations reported and what the CSMS raised itself. */
@Injectable()
export class SecurityEventsService {
  constructor(private readonly events: SecurityEventRepository) {}

  /** `stationIds`: the stations the caller may see (its tenant's); undefined: all. */
  async list(query: ListSecurityEventsQuery, stationIds?: readonly string[]): Promise<Page<SecurityEventView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.events.list({ stationId: query.stationId, type: query.type, from: query.from, to: query.to, before: query.cursor, stationIds, limit: limit + 1 });
    return pageOf(rows, limit, securityEventViewOf, (row) => [row.occurred_key, row.event_id]);
  }
}
