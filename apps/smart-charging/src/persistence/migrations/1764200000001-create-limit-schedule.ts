import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Limit schedules (limits/): per node and source, a default limit and its slots, each schedule
 * one row replaced as a whole, so a reader sees the old schedule or the new one, never a part of
 * either (docs/adr/016-topology-and-limits.md: why jsonb and not a table of slots). What a slot
 * holds is checked by the service (limits/limit-schedule.schemas.ts) before it is written.
 */
export class CreateLimitSchedule1764200000001 implements MigrationInterface {
  name = 'CreateLimitSchedule1764200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "smart_charging"."limit_schedule" (
        site_id text NOT NULL,
        node_id text NOT NULL,
        source text NOT NULL CONSTRAINT limit_schedule_source CHECK (
          source ~ '^(operator|grid-operator|oscp:[A-Za-z0-9._-]{1,64}|station:[A-Za-z0-9*=:+|@._-]{1,48}|operator-profile:[A-Za-z0-9*=:+|@._-]{1,48})$'),
        default_limit jsonb CONSTRAINT limit_schedule_default CHECK (default_limit IS NULL OR jsonb_typeof(default_limit) = 'object'),
        slots jsonb NOT NULL DEFAULT '[]' CONSTRAINT limit_schedule_slots CHECK (
          CASE WHEN jsonb_typeof(slots) = 'array' THEN jsonb_array_length(slots) <= 1000 ELSE false END),
        version integer NOT NULL DEFAULT 1,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT limit_schedule_pkey PRIMARY KEY (site_id, node_id, source),
        CONSTRAINT limit_schedule_node_fkey FOREIGN KEY (site_id, node_id) REFERENCES "smart_charging"."node" (site_id, node_id) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "smart_charging"."limit_schedule"`);
  }
}
