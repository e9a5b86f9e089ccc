import type { QueryRunner } from 'typeorm';

export const MUTATION_AUDIT_TABLE = 'mutation_audit';

/**
 * Shared body of each service's audit migration (each service owns its copy of the table,
 * docs/adr/038-audit-log.md). Append-only but for the outcome columns, which the request that
 * wrote the row fills once; no foreign key, since entries outlive what they describe.
 */
export async function createMutationAuditTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  const table = `"${schema}"."${MUTATION_AUDIT_TABLE}"`;
  await queryRunner.query(`
    CREATE TABLE ${table} (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      actor text NOT NULL,
      actor_roles text[] NOT NULL,
      tenant text,
      credential text NOT NULL,
      method text NOT NULL,
      route text NOT NULL,
      action text NOT NULL,
      path_params jsonb NOT NULL,
      resource_type text NOT NULL,
      resource_id text,
      body jsonb,
      status smallint,
      before jsonb,
      after jsonb,
      changes jsonb
    )`);
  await queryRunner.query(`CREATE INDEX "${MUTATION_AUDIT_TABLE}_actor_idx" ON ${table} (actor, id DESC)`);
  await queryRunner.query(`CREATE INDEX "${MUTATION_AUDIT_TABLE}_resource_idx" ON ${table} (resource_type, resource_id, id DESC)`);
  await queryRunner.query(`CREATE INDEX "${MUTATION_AUDIT_TABLE}_resource_id_idx" ON ${table} (resource_id, id DESC)`);
  await queryRunner.query(`CREATE INDEX "${MUTATION_AUDIT_TABLE}_tenant_idx" ON ${table} (tenant, id DESC)`);
  await queryRunner.query(`CREATE INDEX "${MUTATION_AUDIT_TABLE}_at_idx" ON ${table} (at)`);
}

export async function dropMutationAuditTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}"."${MUTATION_AUDIT_TABLE}"`);
}
