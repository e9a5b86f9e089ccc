import { STORED_INTEGER_MAX } from '@app/ocpp';
import { type SqlExecutor, execute, namedStatement, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import type { TransactionEventRecord, TransactionState } from './transaction-report';

const TRANSACTION = `"${CONNECTION_SCHEMA}"."transaction"`;
const TRANSACTION_EVENT = `"${CONNECTION_SCHEMA}"."transaction_event"`;

interface TransactionKeyRow {
  station_id: string;
  transaction_id: string;
}

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

// The statements of a group commit of transaction messages (ADR 035): each takes the rows of many
// stations' messages as arrays, so its text is fixed and it stays a named statement.

const PAIRS = `SELECT * FROM unnest($1::text[], $2::text[]) AS pair (station_id, transaction_id) ORDER BY station_id, transaction_id`;

/** Creates the transactions whose first event is only now arriving; in key order, as the lock below. */
const CREATE_ALL = namedStatement('transaction_create_all', `INSERT INTO ${TRANSACTION} (station_id, transaction_id) ${PAIRS} ON CONFLICT DO NOTHING`);

/**
 * Locks the transactions' rows for this database transaction, in key order so that two writes
 * in flight never wait on each other in a cycle. A separate statement from the INSERT: its
 * snapshot includes a row that a concurrent first event committed while the INSERT waited.
 */
const LOCK_ALL = namedStatement(
  'transaction_lock_all',
  `SELECT t.station_id FROM ${TRANSACTION} t JOIN (${PAIRS}) pair USING (station_id, transaction_id)
    ORDER BY t.station_id, t.transaction_id FOR UPDATE OF t`,
);

/**
 * The new events (flagged `inserted`) and every stored event of their transactions. The SELECT
 * runs on the statement's snapshot, which does not include what the WITH clause inserts, so no
 * event comes twice; a seqNo already stored (a retry) inserts nothing.
 */
const APPEND_EVENTS = namedStatement(
  'transaction_append_events',
  `WITH incoming AS (
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::timestamptz[], $6::text[], $7::bool[], $8::int[], $9::int[],
                          $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::int[], $16::float8[], $17::float8[], $18::uuid[])
       AS event (station_id, transaction_id, seq_no, event_type, occurred_at, trigger_reason, offline, evse_id, connector_id,
                 id_token, id_token_type, id_token_status, charging_state, stopped_reason, remote_start_id, energy_wh, begin_energy_wh, event_id)
   ), inserted AS (
     INSERT INTO ${TRANSACTION_EVENT} (station_id, transaction_id, seq_no, event_type, occurred_at, trigger_reason, offline, evse_id, connector_id,
       id_token, id_token_type, id_token_status, charging_state, stopped_reason, remote_start_id, energy_wh, begin_energy_wh, event_id)
     SELECT * FROM incoming
     ON CONFLICT (station_id, transaction_id, seq_no) DO NOTHING
     RETURNING station_id, transaction_id, ${EVENT_COLUMNS}
   )
   SELECT true AS inserted, station_id, transaction_id, ${EVENT_COLUMNS} FROM inserted
   UNION ALL
   SELECT false AS inserted, stored.station_id, stored.transaction_id, ${EVENT_COLUMNS.replace(/(\w+)/g, 'stored.$1')}
     FROM ${TRANSACTION_EVENT} stored
    WHERE (stored.station_id, stored.transaction_id) IN (SELECT DISTINCT station_id, transaction_id FROM incoming)`,
);

const SAVE_STATES = namedStatement(
  'transaction_save_states',
  `UPDATE ${TRANSACTION} AS t
      SET state = s.state, evse_id = s.evse_id, connector_id = s.connector_id, id_token = s.id_token, id_token_type = s.id_token_type,
          started_at = s.started_at, stopped_at = s.stopped_at, meter_start_wh = s.meter_start_wh, meter_stop_wh = s.meter_stop_wh,
          energy_wh = s.energy_wh, stopped_reason = s.stopped_reason, charging_state = s.charging_state, remote_start_id = s.remote_start_id,
          offline = s.offline, last_seq_no = s.last_seq_no, event_count = s.event_count, updated_at = now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[],
                 $10::float8[], $11::float8[], $12::float8[], $13::text[], $14::text[], $15::int[], $16::bool[], $17::bigint[], $18::int[])
       AS s (station_id, transaction_id, state, evse_id, connector_id, id_token, id_token_type, started_at, stopped_at,
             meter_start_wh, meter_stop_wh, energy_wh, stopped_reason, charging_state, remote_start_id, offline, last_seq_no, event_count)
    WHERE t.station_id = s.station_id AND t.transaction_id = s.transaction_id`,
);

/**
 * 1.6: ids for the StartTransactions of a group, from the id sequence, in one statement; a retry
 * (same start key) gets the id its first attempt got. A start whose drawn id collides with one a
 * station invented is not returned (the caller falls back to assignOcpp16Id).
 */
const ASSIGN_OCPP16_IDS = namedStatement(
  'transaction_assign_ocpp16_ids',
  `WITH incoming AS (
      SELECT DISTINCT station_id, start_key FROM unnest($1::text[], $2::text[]) AS start (station_id, start_key)
    ), inserted AS (
      INSERT INTO ${TRANSACTION} (station_id, transaction_id, start_key)
        SELECT station_id, nextval('"${CONNECTION_SCHEMA}"."ocpp16_transaction_id_seq"')::text, start_key FROM incoming ORDER BY station_id, start_key
        ON CONFLICT DO NOTHING
        RETURNING station_id, start_key, transaction_id
    )
    SELECT station_id, start_key, transaction_id FROM inserted
    UNION ALL
    SELECT stored.station_id, stored.start_key, stored.transaction_id FROM ${TRANSACTION} stored JOIN incoming USING (station_id, start_key)`,
);

/**
 * 1.6: the first transaction id at or above the next sequence value that the station does not use
 * yet: the drawn value, or one past an id the station invented at or above it (1.6 ids are int32).
 */
const ASSIGN_FREE_OCPP16_ID = `WITH drawn AS (SELECT nextval('"${CONNECTION_SCHEMA}"."ocpp16_transaction_id_seq"')::bigint AS n),
  free AS (
    SELECT candidate FROM (
      SELECT n AS candidate FROM drawn
      UNION ALL
      SELECT used.id + 1 FROM (
        SELECT CASE WHEN transaction_id ~ '^[1-9][0-9]{0,9}$' THEN transaction_id::bigint END AS id FROM ${TRANSACTION} WHERE station_id = $1
      ) used, drawn WHERE used.id >= drawn.n
    ) candidates
    WHERE candidate <= ${STORED_INTEGER_MAX}
      AND NOT EXISTS (SELECT 1 FROM ${TRANSACTION} taken WHERE taken.station_id = $1 AND taken.transaction_id = candidate::text)
    ORDER BY candidate LIMIT 1
  )
  INSERT INTO ${TRANSACTION} (station_id, transaction_id, start_key) SELECT $1, candidate::text, $2 FROM free
  ON CONFLICT DO NOTHING RETURNING transaction_id`;

/** One transaction's key. */
export interface TransactionKey {
  stationId: string;
  transactionId: string;
}

export interface EventToAppend extends TransactionKey {
  record: TransactionEventRecord;
  eventId: string;
}

export interface AppendedEvent {
  /** False for a retry: this seqNo was stored before (or by an earlier message of the same write). */
  inserted: boolean;
  idTokenStatus: string | undefined;
  /** Every event of the transaction, the new one included, in no particular order. */
  events: TransactionEventRecord[];
}

export const transactionKeyOf = ({ stationId, transactionId }: TransactionKey): string => `${stationId}\u0000${transactionId}`;

/** Transactions and their events; every method runs in the caller's database transaction. */
@Injectable()
export class TransactionRepository {
  /**
   * 1.6: the transaction id for a StartTransaction, from the id sequence; a retry (same start
   * key) gets the id the first attempt got.
   */
  async assignOcpp16Id(executor: SqlExecutor, stationId: string, startKey: string): Promise<string> {
    // The drawn value may be an id the station invented (a stop for a start we never saw), and so may the next
    // ones: a run of them made every retry collide and the answer was withheld for ever (found by the gateway
    // fuzz). So the first id at or above the drawn value that this station does not use is taken; a few
    // attempts only for a concurrent start taking the same one.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const inserted = await queryRows<{ transaction_id: string }>(executor, ASSIGN_FREE_OCPP16_ID, [stationId, startKey]);
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

  /** Ids for many 1.6 starts at once, by `stationId` + NUL + start key; see ASSIGN_OCPP16_IDS. */
  async assignOcpp16Ids(executor: SqlExecutor, starts: readonly { stationId: string; startKey: string }[]): Promise<Map<string, string>> {
    if (starts.length === 0) return new Map();
    const rows = await queryRows<{ station_id: string; start_key: string; transaction_id: string }>(executor, ASSIGN_OCPP16_IDS, [
      starts.map((start) => start.stationId),
      starts.map((start) => start.startKey),
    ]);
    return new Map(rows.map((row) => [`${row.station_id}\u0000${row.start_key}`, row.transaction_id]));
  }

  /** Creates the transactions that do not exist yet and locks all of them for this database transaction. */
  async ensureAndLockAll(executor: SqlExecutor, keys: readonly TransactionKey[]): Promise<void> {
    const unique = [...new Map(keys.map((key) => [transactionKeyOf(key), key])).values()];
    const parameters = [unique.map((key) => key.stationId), unique.map((key) => key.transactionId)];
    await execute(executor, CREATE_ALL, parameters);
    await execute(executor, LOCK_ALL, parameters);
  }

  /**
   * Stores each event unless its seqNo is already stored (a retry), and returns for each, in
   * order, whether it was new, the authorization status stored with its first attempt (so that
   * a retry is answered as the first attempt was) and every event of its transaction.
   */
  async appendEvents(executor: SqlExecutor, appends: readonly EventToAppend[]): Promise<AppendedEvent[]> {
    const rows = await queryRows<EventRow & TransactionKeyRow & { inserted: boolean }>(executor, APPEND_EVENTS, [
      appends.map((append) => append.stationId),
      appends.map((append) => append.transactionId),
      appends.map((append) => append.record.seqNo),
      appends.map((append) => append.record.eventType),
      appends.map((append) => append.record.at.toISOString()),
      appends.map((append) => append.record.triggerReason),
      appends.map((append) => append.record.offline),
      appends.map((append) => append.record.evseId ?? null),
      appends.map((append) => append.record.connectorId ?? null),
      appends.map((append) => append.record.idToken ?? null),
      appends.map((append) => append.record.idTokenType ?? null),
      appends.map((append) => append.record.idTokenStatus ?? null),
      appends.map((append) => append.record.chargingState ?? null),
      appends.map((append) => append.record.stoppedReason ?? null),
      appends.map((append) => append.record.remoteStartId ?? null),
      appends.map((append) => append.record.energyWh ?? null),
      appends.map((append) => append.record.beginEnergyWh ?? null),
      appends.map((append) => append.eventId),
    ]);
    const byTransaction = new Map<string, (EventRow & { inserted: boolean })[]>();
    for (const row of rows) {
      const key = transactionKeyOf({ stationId: row.station_id, transactionId: row.transaction_id });
      const list = byTransaction.get(key);
      if (list) list.push(row);
      else byTransaction.set(key, [row]);
    }
    // The same seqNo twice in one write (a retry beside its original): the first is the new one.
    const claimed = new Set<string>();
    return appends.map((append) => {
      const transactionRows = byTransaction.get(transactionKeyOf(append)) ?? [];
      const own = transactionRows.find((row) => Number(row.seq_no) === append.record.seqNo);
      const seqKey = `${transactionKeyOf(append)}\u0000${append.record.seqNo}`;
      const inserted = own?.inserted === true && !claimed.has(seqKey);
      claimed.add(seqKey);
      return { inserted, idTokenStatus: orUndefined(own?.id_token_status ?? null), events: transactionRows.map(recordOf) };
    });
  }

  /** Stores each transaction's state, recomputed from its events. */
  async saveStates(executor: SqlExecutor, states: readonly (TransactionKey & { state: TransactionState })[]): Promise<void> {
    const unique = [...new Map(states.map((entry) => [transactionKeyOf(entry), entry])).values()];
    const column = <T>(pick: (state: TransactionState) => T | undefined) => unique.map((entry) => pick(entry.state) ?? null);
    await execute(executor, SAVE_STATES, [
      unique.map((entry) => entry.stationId),
      unique.map((entry) => entry.transactionId),
      column((state) => state.state),
      column((state) => state.evseId),
      column((state) => state.connectorId),
      column((state) => state.idToken),
      column((state) => state.idTokenType),
      column((state) => state.startedAt?.toISOString()),
      column((state) => state.stoppedAt?.toISOString()),
      column((state) => state.meterStartWh),
      column((state) => state.meterStopWh),
      column((state) => state.energyWh),
      column((state) => state.stoppedReason),
      column((state) => state.chargingState),
      column((state) => state.remoteStartId),
      column((state) => state.offline),
      column((state) => state.lastSeqNo),
      column((state) => state.eventCount),
    ]);
  }
}
