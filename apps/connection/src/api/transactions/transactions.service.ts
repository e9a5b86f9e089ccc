import { DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { TransactionReadRepository } from './transaction-read.repository';
import type { ListTransactionsQuery, TransactionDetailQuery, TransactionDetailView, TransactionView } from './transaction.schemas';
import { meterSampleViewOf, transactionViewOf } from './transaction.view';

const DEFAULT_SAMPLES = 1000;

/** Transactions, active and past, with their energy and meter samples. */
@Injectable()
export class TransactionsService {
  constructor(private readonly reads: TransactionReadRepository) {}

  /** `tenant`: the caller's; only its stations' transactions (undefined: every station's). */
  async list(query: ListTransactionsQuery, tenant?: string): Promise<Page<TransactionView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.reads.list({ stationId: query.stationId, active: query.active, from: query.from, to: query.to, before: query.cursor, tenant, limit: limit + 1 });
    return pageOf(rows, limit, transactionViewOf, (row) => [row.created_key, row.station_id, row.transaction_id]);
  }

  async get(transactionId: string, query: TransactionDetailQuery, tenant?: string): Promise<ApiResult<TransactionDetailView>> {
    const found = await this.reads.find(transactionId, query.stationId, tenant);
    const [row, other] = found;
    if (row === undefined) {
      return failed(OperatorApiErrorCode.transactionNotFound, `no transaction ${transactionId}${query.stationId === undefined ? '' : ` at station ${query.stationId}`}`);
    }
    if (other !== undefined) {
      return failed(OperatorApiErrorCode.transactionAmbiguous, `stations ${row.station_id} and ${other.station_id} both have a transaction ${transactionId}: give stationId`, {
        stationIds: found.map((candidate) => candidate.station_id),
      });
    }
    const samples = await this.reads.samples(row.station_id, row.transaction_id, query.samples ?? DEFAULT_SAMPLES);
    return succeeded({
      ...transactionViewOf(row),
      meterSampleCount: samples.count,
      meterSamples: samples.rows.map(meterSampleViewOf),
    });
  }
}
