import { createIndexConcurrently, dropIndexConcurrently } from '@app/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The timestamps the retention job (ADR 044) prunes the limit audit log and closed draw deviations by. */
export class RetentionIndexes1764300000110 implements MigrationInterface {
  name = 'RetentionIndexes1764300000110';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIndexConcurrently(queryRunner, 'smart_charging', 'audit_log_at_idx', `"smart_charging"."audit_log" (at)`);
    await createIndexConcurrently(queryRunner, 'smart_charging', 'draw_deviation_closed_idx', `"smart_charging"."draw_deviation" (closed_at) WHERE closed_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndexConcurrently(queryRunner, 'smart_charging', 'draw_deviation_closed_idx');
    await dropIndexConcurrently(queryRunner, 'smart_charging', 'audit_log_at_idx');
  }
}
