import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { CommandHistoryReadRepository } from './command-history-read.repository';
import type { CommandRecordView, ListCommandsQuery } from './command-history.schemas';
import { commandRecordViewOf } from './command-history.view';

/** Every command sent to a station, from any service, with who sent it and what the station answered. */
@Injectable()
export class CommandHistoryService {
  constructor(private readonly reads: CommandHistoryReadRepository) {}

  async list(query: ListCommandsQuery, tenant?: string): Promise<Page<CommandRecordView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.reads.list({ stationId: query.stationId, status: query.status, from: query.from, to: query.to, before: query.cursor, tenant, limit: limit + 1 });
    return pageOf(rows, limit, commandRecordViewOf, (row) => [row.issued_key, row.command_id]);
  }

  async get(commandId: string): Promise<ApiResult<CommandRecordView>> {
    const row = await this.reads.find(commandId);
    return row === undefined ? failed(OperatorApiErrorCode.commandNotFound, `no command ${commandId} in the command history`) : succeeded(commandRecordViewOf(row));
  }
}
