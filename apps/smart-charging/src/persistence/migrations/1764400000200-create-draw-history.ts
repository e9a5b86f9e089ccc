import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-node draw and limit history (ADR 050): one compact row per node and sample (single
 * precision is ample for amperes and watts, no surrogate key), read by (site, node, time) ranges;
 * pruned by time through a BRIN index, as the history tables are (ADR 044). Which replica samples
 * a site is decided by a lease per site.
 */
export class CreateDrawHistory1764400000200 implements MigrationInterface {
  name = 'CreateDrawHistory1764400000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "smart_charging"."draw_sample" (
        site_id text NOT NULL,
        node_id text NOT NULL,
        at timestamptz NOT NULL,
        limit_l1_a real,
        limit_l2_a real,
        limit_l3_a real,
        limit_w real,
        allocated_l1_a real NOT NULL,
        allocated_l2_a real NOT NULL,
        allocated_l3_a real NOT NULL,
        allocated_w real NOT NULL,
        drawn_l1_a real NOT NULL,
        drawn_l2_a real NOT NULL,
        drawn_l3_a real NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX draw_sample_node_at ON "smart_charging"."draw_sample" (site_id, node_id, at)`);
    await queryRunner.query(`CREATE INDEX draw_sample_at_brin ON "smart_charging"."draw_sample" USING brin (at)`);
    await queryRunner.query(`
      CREATE TABLE "smart_charging"."draw_sampler_lease" (
        site_id text PRIMARY KEY,
        sampler text NOT NULL,
        lease_until timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "smart_charging"."draw_sampler_lease"`);
    await queryRunner.query(`DROP TABLE "smart_charging"."draw_sample"`);
  }
}
