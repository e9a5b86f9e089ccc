import { InjectDataSource, pgJson, pgText, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { insertWithFreshRequestId } from '../persistence/operator-request-id';
import type { CustomerInformationPart } from './customer-information.document';

const REQUESTS = `"${CONNECTION_SCHEMA}"."customer_information_request"`;
const PARTS = `"${CONNECTION_SCHEMA}"."customer_information_part"`;

export type CustomerRequestStatus = 'requested' | 'accepted' | 'rejected' | 'failed';

/** Whom a CustomerInformation is about: exactly one of the three, as OCPP puts it on the wire. */
export interface CustomerReference {
  customerIdentifier?: string;
  idToken?: { idToken: string; type: string };
  customerCertificate?: { hashAlgorithm: string; issuerNameHash: string; issuerKeyHash: string; serialNumber: string };
}

export interface CustomerInformationRequest {
  stationId: string;
  requestId: number;
  report: boolean;
  clear: boolean;
  customer: CustomerReference;
  status: CustomerRequestStatus;
  stationStatus: string | null;
  requestedAt: Date;
  answeredAt: Date | null;
}

interface RequestRow {
  station_id: string;
  request_id: number;
  report: boolean;
  clear: boolean;
  customer: CustomerReference;
  status: CustomerRequestStatus;
  station_status: string | null;
  requested_at: Date;
  answered_at: Date | null;
}

const REQUEST_COLUMNS = 'station_id, request_id, report, clear, customer, status, station_status, requested_at, answered_at';

/** connection.customer_information_request and _part: personal data, read only by the operator API's customer-information endpoints. */
@Injectable()
export class CustomerInformationRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  /**
   * A new request, stored before it is sent so that its first part always finds it. An id the
   * station's requests already hold (one an operator chose for a raw CustomerInformation) is
   * skipped; parts a station once sent unasked under the new id are dropped, so that no other
   * customer's data is read as this one's.
   */
  async create(stationId: string, request: { report: boolean; clear: boolean; customer: CustomerReference }): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const requestId = await insertWithFreshRequestId(manager, 'customer-information', async (candidate) => {
        const created = await queryRows<{ request_id: number }>(
          manager,
          `INSERT INTO ${REQUESTS} (station_id, request_id, report, clear, customer, status) VALUES ($1, $2, $3, $4, $5::jsonb, 'requested')
           ON CONFLICT (station_id, request_id) DO NOTHING RETURNING request_id`,
          [stationId, candidate, request.report, request.clear, pgJson(request.customer)],
        );
        return created.length > 0;
      });
      await manager.query(`DELETE FROM ${PARTS} WHERE station_id = $1 AND request_id = $2`, [stationId, requestId]);
      return requestId;
    });
  }

  /** The station's answer; a request sent as a raw command gets its row here. */
  async answer(stationId: string, requestId: number, request: { report: boolean; clear: boolean; customer: CustomerReference }, status: CustomerRequestStatus, stationStatus: string | null): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${REQUESTS} (station_id, request_id, report, clear, customer, status, station_status, answered_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, now())
       ON CONFLICT (station_id, request_id) DO UPDATE SET status = EXCLUDED.status, station_status = EXCLUDED.station_status, answered_at = now()`,
      [stationId, requestId, request.report, request.clear, pgJson(request.customer), status, stationStatus],
    );
  }

  async fail(stationId: string, requestId: number): Promise<void> {
    await this.dataSource.query(`UPDATE ${REQUESTS} SET status = 'failed' WHERE station_id = $1 AND request_id = $2 AND status = 'requested'`, [stationId, requestId]);
  }

  /** Stores a part once: a part delivered again (same seqNo) keeps the first copy. */
  async addPart(stationId: string, requestId: number, part: CustomerInformationPart): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${PARTS} (station_id, request_id, seq_no, data, tbc, generated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (station_id, request_id, seq_no) DO NOTHING`,
      [stationId, requestId, part.seqNo, pgText(part.data), part.tbc, part.generatedAt.toISOString()],
    );
  }

  async find(stationId: string, requestId: number): Promise<CustomerInformationRequest | undefined> {
    const [row] = await queryRows<RequestRow>(this.dataSource, `SELECT ${REQUEST_COLUMNS} FROM ${REQUESTS} WHERE station_id = $1 AND request_id = $2`, [stationId, requestId]);
    return row && requestOf(row);
  }

  async parts(stationId: string, requestId: number): Promise<CustomerInformationPart[]> {
    const rows = await queryRows<{ seq_no: number; data: string; tbc: boolean; generated_at: Date }>(
      this.dataSource,
      `SELECT seq_no, data, tbc, generated_at FROM ${PARTS} WHERE station_id = $1 AND request_id = $2 ORDER BY seq_no`,
      [stationId, requestId],
    );
    return rows.map((row) => ({ seqNo: row.seq_no, data: row.data, tbc: row.tbc, generatedAt: new Date(row.generated_at) }));
  }
}

function requestOf(row: RequestRow): CustomerInformationRequest {
  return {
    stationId: row.station_id,
    requestId: row.request_id,
    report: row.report,
    clear: row.clear,
    customer: row.customer,
    status: row.status,
    stationStatus: row.station_status,
    requestedAt: new Date(row.requested_at),
    answeredAt: row.answered_at === null ? null : new Date(row.answered_at),
  };
}
