import { createIndexConcurrently, dropIndexConcurrently } from '@app/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Security events are pruned by when the CSMS received them (ADR 044): the station's own clock may be years off. */
export class RetentionIndexes1764300000120 implements MigrationInterface {
  name = 'RetentionIndexes1764300000120';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIndexConcurrently(queryRunner, 'pki', 'security_event_received_idx', `"pki"."security_event" (received_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndexConcurrently(queryRunner, 'pki', 'security_event_received_idx');
  }
}
