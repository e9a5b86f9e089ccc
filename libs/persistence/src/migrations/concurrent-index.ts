import type { QueryRunner } from 'typeorm';

/**
 * Builds an index without blocking the table's writers (CREATE INDEX CONCURRENTLY), for indexes
 * added to tables that may already be large; the migration must set `transaction = false`. A
 * build that failed half-way leaves an invalid index behind, so whatever has the name is dropped
 * first: re-running the migration builds it again.
 */
export async function createIndexConcurrently(queryRunner: QueryRunner, schema: string, name: string, definition: string): Promise<void> {
  await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "${schema}"."${name}"`);
  await queryRunner.query(`CREATE INDEX CONCURRENTLY "${name}" ON ${definition}`);
}

export async function dropIndexConcurrently(queryRunner: QueryRunner, schema: string, name: string): Promise<void> {
  await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "${schema}"."${name}"`);
}
