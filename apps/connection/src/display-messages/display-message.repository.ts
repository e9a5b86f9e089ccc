import { InjectDataSource, pgJson, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { insertWithFreshRequestId } from '../persistence/operator-request-id';
import type { DisplayMessage, DisplayMessageCriteria } from './display-message';

const MESSAGES = `"${CONNECTION_SCHEMA}"."display_message"`;
const REQUESTS = `"${CONNECTION_SCHEMA}"."display_message_request"`;

export type DisplayMessageSource = 'set' | 'reported';
export type DisplayRequestStatus = 'requested' | 'accepted' | 'rejected' | 'failed' | 'complete';

export interface StoredDisplayMessage {
  message: DisplayMessage;
  source: DisplayMessageSource;
  updatedAt: Date;
}

export interface DisplayMessageRequest {
  stationId: string;
  requestId: number;
  criteria: DisplayMessageCriteria;
  status: DisplayRequestStatus;
  stationStatus: string | null;
  reportedIds: number[];
  parts: number;
  requestedAt: Date;
  completedAt: Date | null;
}

interface MessageRow {
  message_id: number;
  priority: DisplayMessage['priority'];
  state: DisplayMessage['state'] | null;
  start_at: Date | null;
  end_at: Date | null;
  transaction_id: string | null;
  message: DisplayMessage['message'];
  display: DisplayMessage['display'] | null;
  source: DisplayMessageSource;
  updated_at: Date;
}

interface RequestRow {
  station_id: string;
  request_id: number;
  criteria: DisplayMessageCriteria;
  status: DisplayRequestStatus;
  station_status: string | null;
  reported_ids: number[];
  parts: number;
  requested_at: Date;
  completed_at: Date | null;
}

const REQUEST_COLUMNS = 'station_id, request_id, criteria, status, station_status, reported_ids, parts, requested_at, completed_at';

/** connection.display_message and display_message_request: the messages each station holds and the GetDisplayMessages asked. */
@Injectable()
export class DisplayMessageRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async list(stationId: string): Promise<StoredDisplayMessage[]> {
    const rows = await queryRows<MessageRow>(
      this.dataSource,
      `SELECT message_id, priority, state, start_at, end_at, transaction_id, message, display, source, updated_at FROM ${MESSAGES} WHERE station_id = $1 ORDER BY message_id`,
      [stationId],
    );
    return rows.map(storedMessageOf);
  }

  async save(stationId: string, messages: readonly DisplayMessage[], source: DisplayMessageSource): Promise<void> {
    if (messages.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO ${MESSAGES} (station_id, message_id, priority, state, start_at, end_at, transaction_id, message, display, source)
       SELECT $1, message_id, priority, state, start_at::timestamptz, end_at::timestamptz, transaction_id, message::jsonb, display::jsonb, $2
         FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
           AS row (message_id, priority, state, start_at, end_at, transaction_id, message, display)
       ON CONFLICT (station_id, message_id) DO UPDATE
         SET priority = EXCLUDED.priority, state = EXCLUDED.state, start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
             transaction_id = EXCLUDED.transaction_id, message = EXCLUDED.message, display = EXCLUDED.display, source = EXCLUDED.source, updated_at = now()`,
      [
        stationId,
        source,
        messages.map((message) => message.id),
        messages.map((message) => message.priority),
        messages.map((message) => message.state ?? null),
        messages.map((message) => message.startDateTime ?? null),
        messages.map((message) => message.endDateTime ?? null),
        messages.map((message) => message.transactionId ?? null),
        messages.map((message) => pgJson(message.message)),
        messages.map((message) => pgJson(message.display)),
      ],
    );
  }

  async remove(stationId: string, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(`DELETE FROM ${MESSAGES} WHERE station_id = $1 AND message_id = ANY($2::int[])`, [stationId, ids]);
  }

  /** A new GetDisplayMessages, stored before it is sent so that its first part always finds it. */
  async createRequest(stationId: string, criteria: DisplayMessageCriteria): Promise<number> {
    return insertWithFreshRequestId(this.dataSource, 'display-message', async (requestId) => {
      const created = await queryRows<{ request_id: number }>(
        this.dataSource,
        `INSERT INTO ${REQUESTS} (station_id, request_id, criteria, status) VALUES ($1, $2, $3::jsonb, 'requested') ON CONFLICT (station_id, request_id) DO NOTHING RETURNING request_id`,
        [stationId, requestId, pgJson(criteria)],
      );
      return created.length > 0;
    });
  }

  /**
   * The station's answer to a GetDisplayMessages (also one sent as a raw command, which has no row
   * yet). A request its parts already completed stays complete: they may overtake the answer.
   */
  async answerRequest(stationId: string, requestId: number, criteria: DisplayMessageCriteria, status: DisplayRequestStatus, stationStatus: string | null): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${REQUESTS} AS request (station_id, request_id, criteria, status, station_status, completed_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, CASE WHEN $4 = 'complete' THEN now() END)
       ON CONFLICT (station_id, request_id) DO UPDATE
         SET station_status = EXCLUDED.station_status,
             status = CASE WHEN request.status IN ('requested', 'failed') THEN EXCLUDED.status ELSE request.status END,
             completed_at = COALESCE(request.completed_at, EXCLUDED.completed_at)`,
      [stationId, requestId, pgJson(criteria), status, stationStatus],
    );
  }

  async failRequest(stationId: string, requestId: number): Promise<void> {
    await this.dataSource.query(`UPDATE ${REQUESTS} SET status = 'failed' WHERE station_id = $1 AND request_id = $2 AND status = 'requested'`, [stationId, requestId]);
  }

  /** Adds a NotifyDisplayMessages part to its request; the request as it now stands, or undefined when the CSMS never asked it. */
  async addPart(stationId: string, requestId: number, reportedIds: readonly number[], last: boolean): Promise<DisplayMessageRequest | undefined> {
    const [row] = await queryRows<RequestRow>(
      this.dataSource,
      `UPDATE ${REQUESTS}
          SET reported_ids = reported_ids || $3::int[], parts = parts + 1,
              status = CASE WHEN $4 THEN 'complete' ELSE status END,
              completed_at = CASE WHEN $4 THEN now() ELSE completed_at END
        WHERE station_id = $1 AND request_id = $2
        RETURNING ${REQUEST_COLUMNS}`,
      [stationId, requestId, reportedIds, last],
    );
    return row && requestOf(row);
  }

  async findRequest(stationId: string, requestId: number): Promise<DisplayMessageRequest | undefined> {
    const [row] = await queryRows<RequestRow>(this.dataSource, `SELECT ${REQUEST_COLUMNS} FROM ${REQUESTS} WHERE station_id = $1 AND request_id = $2`, [stationId, requestId]);
    return row && requestOf(row);
  }
}

function storedMessageOf(row: MessageRow): StoredDisplayMessage {
  const message: DisplayMessage = { id: row.message_id, priority: row.priority, message: row.message };
  if (row.state !== null) message.state = row.state;
  if (row.start_at !== null) message.startDateTime = new Date(row.start_at).toISOString();
  if (row.end_at !== null) message.endDateTime = new Date(row.end_at).toISOString();
  if (row.transaction_id !== null) message.transactionId = row.transaction_id;
  if (row.display !== null) message.display = row.display;
  return { message, source: row.source, updatedAt: new Date(row.updated_at) };
}

function requestOf(row: RequestRow): DisplayMessageRequest {
  return {
    stationId: row.station_id,
    requestId: row.request_id,
    criteria: row.criteria,
    status: row.status,
    stationStatus: row.station_status,
    reportedIds: row.reported_ids,
    parts: row.parts,
    requestedAt: new Date(row.requested_at),
    completedAt: row.completed_at === null ? null : new Date(row.completed_at),
  };
}
