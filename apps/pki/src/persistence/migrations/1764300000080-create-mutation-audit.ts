import { createMutationAuditTable, dropMutationAuditTable } from '@app/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit of every change made through this service's REST API (docs/adr/038-audit-log.md). */
export class CreateMutationAudit1764300000080 implements MigrationInterface {
  name = 'CreateMutationAudit1764300000080';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMutationAuditTable(queryRunner, 'pki');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMutationAuditTable(queryRunner, 'pki');
  }
}
