import { type SqlExecutor, queryRows } from '@app/persistence';
import { CONNECTION_SCHEMA } from './connection-schema';

/**
 * The requestId of a tracked request the CSMS sends (GetDisplayMessages, CustomerInformation,
 * PublishFirmware): OCPP wants an integer the answers' parts refer to, unique per station; one
 * sequence (migration 1764174000001) makes it unique across replicas, so parts are never mixed up.
 */
export async function nextOperatorRequestId(executor: SqlExecutor): Promise<number> {
  const [row] = await queryRows<{ id: number }>(executor, `SELECT nextval('"${CONNECTION_SCHEMA}"."operator_request_id"')::int AS id`);
  if (row === undefined) throw new Error('the operator_request_id sequence returned no value');
  return row.id;
}

/** Request ids tried before giving up: each one skipped is already held by a station's own message or a raw command. */
const FRESH_ID_ATTEMPTS = 100;

/**
 * Stores a new tracked request under the next operator request id that the station's rows do not
 * hold yet: a raw command or a station's unasked message may have taken the id the sequence
 * hands out. `insert` runs `INSERT … ON CONFLICT DO NOTHING` and tells whether a row was created.
 */
export async function insertWithFreshRequestId(executor: SqlExecutor, what: string, insert: (requestId: number) => Promise<boolean>): Promise<number> {
  for (let attempt = 0; attempt < FRESH_ID_ATTEMPTS; attempt += 1) {
    const requestId = await nextOperatorRequestId(executor);
    if (await insert(requestId)) return requestId;
  }
  throw new Error(`no free ${what} request id after ${FRESH_ID_ATTEMPTS} attempts`);
}
