import { InjectDataSource, namedStatement, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import type { HeldReservation, Reservation, ReservationRequest, ReservationStatus } from './reservation';
import type { AnsweredStatus } from './reservation.rules';

const RESERVATION = `"${CONNECTION_SCHEMA}"."reservation"`;

interface HeldRow {
  id: number;
  evse_id: number;
  id_token: string;
  group_id_token: string | null;
  expires_at: Date;
}

export interface ReservationRow extends HeldRow {
  station_id: string;
  connector_type: string | null;
  id_token_type: string;
  status: ReservationStatus;
  station_status: string | null;
  command_id: string | null;
  failure: string | null;
  transaction_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  ended_at: Date | null;
}

/**
 * Every column, with an active reservation whose expiry passed read as expired: the clock, not a
 * sweeper, ends a reservation.
 */
export const RESERVATION_COLUMNS = `id, station_id, evse_id, connector_type, id_token, id_token_type, group_id_token, expires_at,
  CASE WHEN status = 'active' AND expires_at <= now() THEN 'expired' ELSE status END AS status,
  station_status, command_id, failure, transaction_id, created_by, created_at, updated_at,
  CASE WHEN status = 'active' AND expires_at <= now() THEN expires_at ELSE ended_at END AS ended_at`;

// The station core's reads at Authorize and transaction start (hot path: named statements, ADR 012).
const ACTIVE_AT_STATION = namedStatement(
  'reservation_active',
  `SELECT id, evse_id, id_token, group_id_token, expires_at FROM ${RESERVATION} WHERE station_id = $1 AND status = 'active' AND expires_at > now()`,
);
const EVSES_OF_STATION = namedStatement(
  'reservation_station_evses',
  `SELECT DISTINCT evse_id FROM "${CONNECTION_SCHEMA}"."connector" WHERE station_id = $1 AND evse_id > 0`,
);

export function reservationOf(row: ReservationRow): Reservation {
  return {
    ...heldOf(row),
    stationId: row.station_id,
    connectorType: row.connector_type,
    idTokenType: row.id_token_type,
    status: row.status,
    stationStatus: row.station_status,
    commandId: row.command_id,
    failure: row.failure,
    transactionId: row.transaction_id,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    endedAt: row.ended_at === null ? null : new Date(row.ended_at),
  };
}

function heldOf(row: HeldRow): HeldReservation {
  return { id: row.id, evseId: row.evse_id, idToken: row.id_token, groupIdToken: row.group_id_token, expiresAt: new Date(row.expires_at) };
}

/** connection.reservation: what the CSMS asked stations to hold, and what became of it. */
@Injectable()
export class ReservationRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  /** The station's reservations holding an EVSE now. */
  async activeAt(stationId: string): Promise<HeldReservation[]> {
    return (await queryRows<HeldRow>(this.dataSource, ACTIVE_AT_STATION, [stationId])).map(heldOf);
  }

  /** The EVSEs the station has reported (StatusNotification), EVSE 0 (the station itself) left out. */
  async evseIdsOf(stationId: string): Promise<number[]> {
    return (await queryRows<{ evse_id: number }>(this.dataSource, EVSES_OF_STATION, [stationId])).map((row) => row.evse_id);
  }

  /** Stores a reservation as `requested`, with its id allocated from the sequence. */
  async create(request: ReservationRequest): Promise<Reservation> {
    const [row] = await queryRows<ReservationRow>(
      this.dataSource,
      `INSERT INTO ${RESERVATION} (station_id, evse_id, connector_type, id_token, id_token_type, group_id_token, expires_at, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8) RETURNING ${RESERVATION_COLUMNS}`,
      [request.stationId, request.evseId, request.connectorType, request.idToken, request.idTokenType, request.groupIdToken, request.expiresAt, request.createdBy],
    );
    if (!row) throw new Error('INSERT … RETURNING gave no reservation row');
    return reservationOf(row);
  }

  async find(id: number): Promise<Reservation | undefined> {
    const [row] = await queryRows<ReservationRow>(this.dataSource, `SELECT ${RESERVATION_COLUMNS} FROM ${RESERVATION} WHERE id = $1`, [id]);
    return row && reservationOf(row);
  }

  /** The station's answer to ReserveNow; only a reservation still waiting for it changes (the REST edge and the command observer both report it). */
  async recordAnswer(id: number, commandId: string, answered: AnsweredStatus): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${RESERVATION} SET status = $2, station_status = $3, failure = $4, command_id = $5, updated_at = now(),
         ended_at = CASE WHEN $2 = 'active' THEN NULL ELSE now() END
       WHERE id = $1 AND status = 'requested'`,
      [id, answered.status, answered.stationStatus, answered.failure, commandId],
    );
  }

  /**
   * Ends a reservation that still holds (or still waits for its answer): used, cancelled, or what
   * the station reported (expired, removed). True when it changed; an ended one stays as it ended.
   */
  async end(id: number, status: Extract<ReservationStatus, 'used' | 'cancelled' | 'expired' | 'removed'>, where: { stationId?: string; transactionId?: string } = {}): Promise<boolean> {
    const rows = await queryRows<{ id: number }>(
      this.dataSource,
      `UPDATE ${RESERVATION} SET status = $2, transaction_id = COALESCE($3, transaction_id), ended_at = now(), updated_at = now()
       WHERE id = $1 AND status IN ('active', 'requested') AND ($4::text IS NULL OR station_id = $4) RETURNING id`,
      [id, status, where.transactionId ?? null, where.stationId ?? null],
    );
    return rows.length > 0;
  }
}
