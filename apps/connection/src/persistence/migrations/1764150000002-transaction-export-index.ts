import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The charge detail record export (api/transactions/transaction-export.repository.ts) pages
 * through ended transactions by (stopped_at, station_id, transaction_id); this index serves
 * each page straight from its keyset position, also deep into a large export.
 */
export class AddTransactionExportIndex1764150000002 implements MigrationInterface {
  name = 'AddTransactionExportIndex1764150000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX transaction_export_order_idx ON "connection"."transaction" (stopped_at, station_id, transaction_id) WHERE state = 'ended'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "connection"."transaction_export_order_idx"`);
  }
}
