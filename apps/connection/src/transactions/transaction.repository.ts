import { type SqlExecutor, execute, namedStatement, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
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

const EVENT_COLUMNS = `seq_no, event_type, occurred_at, trigger_reason, offline, evse_id, connector_id, id_token, id_token_type, id_token_status,
  charging_state, stopped_reason, remote_start_id, energy_wh, begin_energy_wh`;

const LOCK = namedStatement('transaction_lock', `SELECT 1 AS locked FROM ${TRANSACTION} WHERE station_id = $1 AND transaction_id = $2 FOR UPDATE`);

const CREATE = namedStatement('transaction_create', `INSERT INTO ${TRANSACTION} (station_id, transaction_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`);

/**
 * The new event (flagged `inserted`) and the stored ones. The SELECT runs on the statement's
 * snapshot, which does not include what the WITH clause inserts, so no event comes twice.
 */
const APPEND_EVENT = namedStatement(
  'transaction_append_event',
  `WITH inserted AS (
     INSERT INTO ${TRANSACTION_EVENT} (station_id, transaction_id, seq_no, event_type, occurred_at, trigger_reason, offline, evse_id, connector_id,
       id_token, id_token_type, id_token_status, charging_state, stopped_reason, remote_start_id, energy_wh, begin_energy_wh, event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT (station_id, transaction_id, seq_no) DO NOTHING
     RETURNING ${EVENT_COLUMNS}
   )
   SELECT true AS inserted, ${EVENT_COLUMNS} FROM inserted
   UNION ALL
   SELECT false AS inserted, ${EVENT_COLUMNS} FROM ${TRANSACTION_EVENT} WHERE station_id = $1 AND transaction_id = $2`,
);

const SAVE_STATE = namedStatement(
  'transaction_save_state',
  `UPDATE ${TRANSACTION}
      SET state = $3, evse_id = $4, connector_id = $5, id_token = $6, id_token_type = $7, started_at = $8, stopped_at = $9,
          meter_start_wh = $10, meter_stop_wh = $11, energy_wh = $12, stopped_reason = $13, charging_state = $14,
          remote_start_id = $15, offline = $16, last_seq_no = $17, event_count = $18, updated_at = now()
    WHERE station_id = $1 AND transaction_id = $2`,
);

export interface AppendedEvent {
  /** False for a retry: this seqNo was stored before. */
  inserted: boolean;
  idTokenStatus: string | undefined;
  /** Every event of the transaction, the new one included, in no particular order. */
  events: TransactionEventRecord[];
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

  /**
   * Locks the transaction's row for this database transaction, creating it when its first event
   * is only now arriving. Usually it exists: one statement. Two first events at once: the second
   * insert waits for the first to commit, and its lock (a new statement, so a new snapshot) then
   * finds the row.
   */
  async ensureAndLock(executor: SqlExecutor, stationId: string, transactionId: string): Promise<void> {
    if ((await queryRows(executor, LOCK, [stationId, transactionId])).length > 0) return;
    await execute(executor, CREATE, [stationId, transactionId]);
    await execute(executor, LOCK, [stationId, transactionId]);
  }

  /**
   * Stores an event unless its seqNo is already stored (a retry), and returns every event of the
   * transaction with it, in one round trip. The authorization status is the one stored with the
   * first attempt, so a retry is answered as the first attempt was.
   */
  async appendEvent(executor: SqlExecutor, stationId: string, transactionId: string, record: TransactionEventRecord, eventId: string): Promise<AppendedEvent> {
    const rows = await queryRows<EventRow & { inserted: boolean }>(executor, APPEND_EVENT, [
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
    ]);
    const inserted = rows.some((row) => row.inserted);
    const own = rows.find((row) => Number(row.seq_no) === record.seqNo && row.inserted === inserted);
    return { inserted, idTokenStatus: orUndefined(own?.id_token_status ?? null), events: rows.map(recordOf) };
  }

  async saveState(executor: SqlExecutor, stationId: string, transactionId: string, state: TransactionState): Promise<void> {
    await execute(
      executor,
      SAVE_STATE,
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
