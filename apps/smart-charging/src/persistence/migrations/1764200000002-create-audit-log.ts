import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log of topology and limit changes (audit/): who (the API token's name, or the part
 * of the service that wrote), when, where (site, node, limit source), what (action) and the
 * state before and after as JSON. Append-only; rows outlive the nodes and sites they describe,
 * so there is no foreign key. Read newest first per site, overall or per node.
 */
export class CreateAuditLog1764200000002 implements MigrationInterface {
  name = 'CreateAuditLog1764200000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "smart_charging"."audit_log" (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        site_id text NOT NULL,
        node_id text,
        source text,
        action text NOT NULL,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        before jsonb,
        after jsonb
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_site_idx ON "smart_charging"."audit_log" (site_id, id DESC)`);
    await queryRunner.query(`CREATE INDEX audit_log_node_idx ON "smart_charging"."audit_log" (site_id, node_id, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "smart_charging"."audit_log"`);
  }
}
