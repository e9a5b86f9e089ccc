import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ended transactions kept the charging state last reported while they ran (often `Charging`).
 * The state reducer now takes an ended transaction's charging state from its Ended event alone
 * (transactions/transaction-state.reducer.ts); this brings the rows stored before up to that
 * rule. The first Ended event by seq_no counts, as in the reducer.
 */
export class EndedTransactionChargingState1764150000001 implements MigrationInterface {
  name = 'EndedTransactionChargingState1764150000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "connection"."transaction" t
         SET charging_state = ended.charging_state
        FROM (SELECT DISTINCT ON (station_id, transaction_id) station_id, transaction_id, charging_state
                FROM "connection"."transaction_event"
               WHERE event_type = 'Ended'
               ORDER BY station_id, transaction_id, seq_no, occurred_at) ended
       WHERE t.state = 'ended'
         AND ended.station_id = t.station_id AND ended.transaction_id = t.transaction_id
         AND t.charging_state IS DISTINCT FROM ended.charging_state`);
  }

  /** Back to the former rule: the newest charging state any event reported. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "connection"."transaction" t
         SET charging_state = (SELECT e.charging_state FROM "connection"."transaction_event" e
                                WHERE e.station_id = t.station_id AND e.transaction_id = t.transaction_id AND e.charging_state IS NOT NULL
                                ORDER BY e.seq_no DESC, e.occurred_at DESC LIMIT 1)
       WHERE t.state = 'ended'`);
  }
}
