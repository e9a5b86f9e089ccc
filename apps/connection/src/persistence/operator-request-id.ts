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
