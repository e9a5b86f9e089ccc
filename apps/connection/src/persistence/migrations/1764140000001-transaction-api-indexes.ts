import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the operator API's reads of transactions (api/transactions/transaction-read.repository.ts):
 * the list pages newest first by (created_at, station_id, transaction_id), and a transaction can
 * be looked up by its id alone, without the station (the primary key leads with station_id).
 */
export class AddTransactionApiIndexes1764140000001 implements MigrationInterface {
  name = 'AddTransactionApiIndexes1764140000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX transaction_list_order_idx ON "connection"."transaction" (created_at DESC, station_id DESC, transaction_id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX transaction_transaction_id_idx ON "connection"."transaction" (transaction_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "connection"."transaction_transaction_id_idx"`);
    await queryRunner.query(`DROP INDEX "connection"."transaction_list_order_idx"`);
  }
}
