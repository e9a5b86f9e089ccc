import { Injectable } from '@nestjs/common';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { type SqlExecutor, queryRows } from '../persistence/sql-rows';
import type { TransactionEventRecord, TransactionState } from './transaction-report';

const TRANSACTION = `"${CONNECTION_SCHEMA}"."transaction"`;
const TRANSACTION_EVENT = `"${CONNECTION_SCHEMA}"."transaction_event"`;

interface EventRow {
  seq_no: string;
  event_type: TransactionEventRecord['eventType'];
  occurred_at: Date;
  trigger_reason: string;
  offline: boolean;
  evse_id: number | null;
  connector_id: number | null;
  id_token: string | null;
  id_token_type: string | null;
  id_token_status: string | null;
  charging_state: string | null;
  stopped_reason: string | null;
  remote_start_id: number | null;
  energy_wh: number | null;
  begin_energy_wh: number | null;
}

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

function recordOf(row: EventRow): TransactionEventRecord {
  return {
    seqNo: Number(row.seq_no),
    eventType: row.event_type,
    at: new Date(row.occurred_at),
    triggerReason: row.trigger_reason,
    offline: row.offline,
    evseId: orUndefined(row.evse_id),
    connectorId: orUndefined(row.connector_id),
    idToken: orUndefined(row.id_token),
    idTokenType: orUndefined(row.id_token_type),
    idTokenStatus: orUndefined(row.id_token_status),
    chargingState: orUndefined(row.charging_state),
    stoppedReason: orUndefined(row.stopped_reason),
    remoteStartId: orUndefined(row.remote_start_id),
    energyWh: orUndefined(row.energy_wh),
    beginEnergyWh: orUndefined(row.begin_energy_wh),
  };
}

/** Transactions and their events; every method runs in the caller's database transaction. */
@Injectable()
export class TransactionRepository {
  /**
   * 1.6: the transaction id for a StartTransaction, from the id sequence; a retry (same start
   * key) gets the id the first attempt got.
   */
  async assignOcpp16Id(executor: SqlExecutor, stationId: string, startKey: string): Promise<string> {
    // A few attempts: a value may collide with an id a station invented (a stop for a start we never saw).
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const inserted = await queryRows<{ transaction_id: string }>(
        executor,
        `WITH next AS (SELECT nextval('"${CONNECTION_SCHEMA}"."ocpp16_transaction_id_seq"')::text AS id)
         INSERT INTO ${TRANSACTION} (station_id, transaction_id, start_key) SELECT $1, next.id, $2 FROM next
         ON CONFLICT DO NOTHING RETURNING transaction_id`,
        [stationId, startKey],
      );
      const existing =
        inserted[0] ??
        (
          await queryRows<{ transaction_id: string }>(executor, `SELECT transaction_id FROM ${TRANSACTION} WHERE station_id = $1 AND start_key = $2`, [
            stationId,
            startKey,
          ])
        )[0];
      if (existing) return existing.transaction_id;
    }
    throw new Error(`no transaction id could be assigned to ${stationId} ${startKey}`);
  }

  /** Creates the transaction row if its first event is only now arriving, and locks it for this database transaction. */
  async ensureAndLock(executor: SqlExecutor, stationId: string, transactionId: string): Promise<void> {
    await executor.query(`INSERT INTO ${TRANSACTION} (station_id, transaction_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [stationId, transactionId]);
    await executor.query(`SELECT 1 FROM ${TRANSACTION} WHERE station_id = $1 AND transaction_id = $2 FOR UPDATE`, [stationId, transactionId]);
  }

  /**
   * Stores an event unless this seqNo is already stored (a retry); either way returns the
   * authorization status stored with it, so a retry is answered as the first attempt was.
   */
  async insertEvent(
    executor: SqlExecutor,
    stationId: string,
    transactionId: string,
    record: TransactionEventRecord,
    eventId: string,
  ): Promise<{ inserted: boolean; idTokenStatus: string | undefined }> {
    const inserted = await queryRows<{ id_token_status: string | null }>(
      executor,
      `INSERT INTO ${TRANSACTION_EVENT} (station_id, transaction_id, seq_no, event_type, occurred_at, trigger_reason, offline, evse_id, connector_id,
         id_token, id_token_type, id_token_status, charging_state, stopped_reason, remote_start_id, energy_wh, begin_energy_wh, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       ON CONFLICT (station_id, transaction_id, seq_no) DO NOTHING RETURNING id_token_status`,
      [
        stationId,
        transactionId,
        record.seqNo,
        record.eventType,
        record.at,
        record.triggerReason,
        record.offline,
        record.evseId ?? null,
        record.connectorId ?? null,
        record.idToken ?? null,
        record.idTokenType ?? null,
        record.idTokenStatus ?? null,
        record.chargingState ?? null,
        record.stoppedReason ?? null,
        record.remoteStartId ?? null,
        record.energyWh ?? null,
        record.beginEnergyWh ?? null,
        eventId,
      ],
    );
    if (inserted[0]) return { inserted: true, idTokenStatus: orUndefined(inserted[0].id_token_status) };
    const stored = await queryRows<{ id_token_status: string | null }>(
      executor,
      `SELECT id_token_status FROM ${TRANSACTION_EVENT} WHERE station_id = $1 AND transaction_id = $2 AND seq_no = $3`,
      [stationId, transactionId, record.seqNo],
    );
    return { inserted: false, idTokenStatus: orUndefined(stored[0]?.id_token_status ?? null) };
  }

  async events(executor: SqlExecutor, stationId: string, transactionId: string): Promise<TransactionEventRecord[]> {
    const rows = await queryRows<EventRow>(
      executor,
      `SELECT seq_no, event_type, occurred_at, trigger_reason, offline, evse_id, connector_id, id_token, id_token_type, id_token_status,
              charging_state, stopped_reason, remote_start_id, energy_wh, begin_energy_wh
         FROM ${TRANSACTION_EVENT} WHERE station_id = $1 AND transaction_id = $2 ORDER BY seq_no`,
      [stationId, transactionId],
    );
    return rows.map(recordOf);
  }

  async saveState(executor: SqlExecutor, stationId: string, transactionId: string, state: TransactionState): Promise<void> {
    await executor.query(
      `UPDATE ${TRANSACTION}
          SET state = $3, evse_id = $4, connector_id = $5, id_token = $6, id_token_type = $7, started_at = $8, stopped_at = $9,
              meter_start_wh = $10, meter_stop_wh = $11, energy_wh = $12, stopped_reason = $13, charging_state = $14,
              remote_start_id = $15, offline = $16, last_seq_no = $17, event_count = $18, updated_at = now()
        WHERE station_id = $1 AND transaction_id = $2`,
      [
        stationId,
        transactionId,
        state.state,
        state.evseId ?? null,
        state.connectorId ?? null,
        state.idToken ?? null,
        state.idTokenType ?? null,
        state.startedAt ?? null,
        state.stoppedAt ?? null,
        state.meterStartWh ?? null,
        state.meterStopWh ?? null,
        state.energyWh ?? null,
        state.stoppedReason ?? null,
        state.chargingState ?? null,
        state.remoteStartId ?? null,
        state.offline,
        state.lastSeqNo ?? null,
        state.eventCount,
      ],
    );
  }
}
