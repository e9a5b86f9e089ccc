import { InjectDataSource, sqlParameters } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { stationsOfTenant } from '../tenancy.port';
import { CONNECTION_SCHEMA, queryRows } from '../station-core.port';
import { TRANSACTION, TRANSACTION_COLUMNS, type TransactionRow } from './transaction-read.repository';

export interface EndedTransactionRow extends TransactionRow {
  /** stopped_at as PostgreSQL prints it: the exact keyset position (a Date would lose the microseconds). */
  stopped_key: string;
}

export interface EndedTransactionFilter {
  stationId?: string;
  /** Stopped at or after. */
  from?: Date;
  /** Stopped before. */
  to?: Date;
  /** Keyset: [stopped_at, station_id, transaction_id] of the last row of the previous page. */
  after?: readonly [string, string, string];
  /** Only rows of this tenant's stations; undefined: every station's. */
  tenant?: string;
  limit: number;
}

/**
 * Ended transactions in the order they stopped, a page at a time, for the charge detail record
 * export. Keyset paging along transaction_export_order_idx, so a page costs the same however deep
 * into the export it is. Their energy is final: no meter samples are read.
 */
@Injectable()
export class TransactionExportRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  page(filter: EndedTransactionFilter): Promise<EndedTransactionRow[]> {
    const conditions = [`state = 'ended'`];
    const { values: parameters, bind } = sqlParameters();
    if (filter.stationId !== undefined) conditions.push(`station_id = ${bind(filter.stationId)}`);
    conditions.push(...stationsOfTenant('station_id', filter.tenant, bind));
    if (filter.from !== undefined) conditions.push(`stopped_at >= ${bind(filter.from)}`);
    if (filter.to !== undefined) conditions.push(`stopped_at < ${bind(filter.to)}`);
    if (filter.after !== undefined) {
      const [stoppedAt, stationId, transactionId] = filter.after;
      conditions.push(`(stopped_at, station_id, transaction_id) > (${bind(stoppedAt)}::timestamptz, ${bind(stationId)}, ${bind(transactionId)})`);
    }
    return queryRows<EndedTransactionRow>(
      this.dataSource,
      `SELECT ${TRANSACTION_COLUMNS}, NULL::double precision AS latest_register_wh, stopped_at::text AS stopped_key
         FROM ${TRANSACTION} WHERE ${conditions.join(' AND ')}
        ORDER BY stopped_at, station_id, transaction_id LIMIT ${bind(filter.limit)}`,
      parameters,
    );
  }
}
