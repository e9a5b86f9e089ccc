import type { QueryRunner } from 'typeorm';
import { INBOX_TABLE } from '../inbox/inbox';

/** Shared body of each service's inbox migration (each service owns its copy of the table). */
export async function createInboxTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}"."${INBOX_TABLE}" (
      event_id text NOT NULL,
      consumer text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (event_id, consumer)
    )`);
  await queryRunner.query(`CREATE INDEX "${INBOX_TABLE}_processed_at" ON "${schema}"."${INBOX_TABLE}" (processed_at)`);
}

export async function dropInboxTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}"."${INBOX_TABLE}"`);
}
