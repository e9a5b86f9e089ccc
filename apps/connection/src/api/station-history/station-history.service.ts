import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { StationReadRepository } from '../stations/station-read.repository';
import { StationHistoryReadRepository } from './station-history-read.repository';
import { type HistoryEntryView, type StationHistoryQuery, historyKinds } from './station-history.schemas';
import { historyEntryViewOf } from './station-history.view';

/** What happened to a station: its boots and the answers they got, its connector statuses, its connections, its notifications. */
@Injectable()
export class StationHistoryService {
  constructor(
    private readonly reads: StationHistoryReadRepository,
    private readonly stations: StationReadRepository,
  ) {}

  async list(stationId: string, query: StationHistoryQuery): Promise<ApiResult<Page<HistoryEntryView>>> {
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.reads.list({
      stationId,
      kinds: query.kind === undefined ? historyKinds : [query.kind],
      from: query.from,
      to: query.to,
      before: query.cursor,
      limit: limit + 1,
    });
    return succeeded(pageOf(rows, limit, historyEntryViewOf, (row) => [row.at_key, row.kind, String(row.id)]));
  }
}
