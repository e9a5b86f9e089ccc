import { Injectable } from '@nestjs/common';
import { type RecordEncoder, chargeDetailRecordOf, recordEncoders } from './charge-detail-record';
import { type EndedTransactionFilter, type EndedTransactionRow, TransactionExportRepository } from './transaction-export.repository';
import type { ExportTransactionsQuery } from './transaction.schemas';

/** Rows read per query: big enough to keep round trips few, small enough to hold one page only. */
export const EXPORT_PAGE_SIZE = 500;

export interface ExportFile {
  contentType: string;
  filename: string;
  /** The file in pieces, a page of records each; read lazily, so only one page is in memory at a time. */
  chunks: AsyncIterable<string>;
}

/** The charge detail records of finished transactions, oldest stop first, as a CSV or JSON file streamed a page at a time. */
@Injectable()
export class TransactionExportService {
  constructor(private readonly reads: TransactionExportRepository) {}

  /**
   * Reads the first page before answering, so that a database failure is still a 500 problem
   * rather than a 200 whose body breaks off.
   */
  async export(query: ExportTransactionsQuery, tenant?: string, now = new Date()): Promise<ExportFile> {
    const filter: EndedTransactionFilter = { stationId: query.stationId, from: query.from, to: query.to, tenant, limit: EXPORT_PAGE_SIZE };
    const first = await this.reads.page(filter);
    const encoder = recordEncoders[query.format];
    const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
    return { contentType: encoder.contentType, filename: `charge-detail-records-${stamp}.${encoder.extension}`, chunks: this.chunks(encoder, filter, first) };
  }

  /** Keyset paging: each page continues after the last row of the one before, until a page comes back short. */
  private async *chunks(encoder: RecordEncoder, filter: EndedTransactionFilter, first: EndedTransactionRow[]): AsyncGenerator<string> {
    yield encoder.opening;
    let rows = first;
    for (let page = 0; ; page += 1) {
      if (rows.length > 0) yield encoder.records(rows.map(chargeDetailRecordOf), page === 0);
      const last = rows[rows.length - 1];
      if (rows.length < filter.limit || last === undefined) break;
      rows = await this.reads.page({ ...filter, after: [last.stopped_key, last.station_id, last.transaction_id] });
    }
    yield encoder.closing;
  }
}
