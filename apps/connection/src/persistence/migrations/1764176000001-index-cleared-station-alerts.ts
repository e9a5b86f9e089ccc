import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cleared station alerts are history: retention/ deletes those cleared before the cutoff
 * (HISTORY_RETENTION_DAYS), through this index that holds only the cleared ones.
 */
export class IndexClearedStationAlerts1764176000001 implements MigrationInterface {
  name = 'IndexClearedStationAlerts1764176000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX station_alert_cleared_idx ON "connection"."station_alert" (cleared_at) WHERE cleared_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "connection"."station_alert_cleared_idx"`);
  }
}
