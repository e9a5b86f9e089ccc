import { createMutationAuditTable, dropMutationAuditTable } from '@app/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit of every change made through this service's REST API (docs/adr/038-audit-log.md). */
export class CreateMutationAudit1764221100001 implements MigrationInterface {
  name = 'CreateMutationAudit1764221100001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMutationAuditTable(queryRunner, 'smart_charging');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMutationAuditTable(queryRunner, 'smart_charging');
  }
}
