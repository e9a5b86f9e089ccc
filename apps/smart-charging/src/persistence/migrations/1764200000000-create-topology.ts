import type { MigrationInterface, QueryRunner } from 'typeorm';

const NODE_ID = `'^[A-Za-z0-9._:-]{1,64}$'`;
// A CHECK passes when it is NULL: each condition below says what it means for a missing value.

/** Non-negative and finite: PostgreSQL orders NaN above Infinity, so `< 'Infinity'` refuses both. */
const amount = (column: string) => `(${column} IS NULL OR (${column} >= 0 AND ${column} < 'Infinity'))`;

/**
 * Site topology (topology/, docs/adr/016-topology-and-limits.md): one tree of nodes per site,
 * its shape held by the database as well as by the API. A composite foreign key on
 * (site, parent, parent kind) keeps every parent in its child's site and of a kind that may hold
 * it; a trigger refuses a move that would make a node its own ancestor.
 */
export class CreateTopology1764200000000 implements MigrationInterface {
  name = 'CreateTopology1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "smart_charging"."site" (
        site_id text PRIMARY KEY CONSTRAINT site_id_format CHECK (site_id ~ ${NODE_ID}),
        name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "smart_charging"."node" (
        site_id text NOT NULL REFERENCES "smart_charging"."site" (site_id) ON DELETE CASCADE,
        node_id text NOT NULL CONSTRAINT node_id_format CHECK (node_id ~ ${NODE_ID}),
        kind text NOT NULL CONSTRAINT node_kind CHECK (kind IN ('site', 'feeder', 'cabinet', 'transformer', 'charger', 'evse')),
        parent_id text,
        parent_kind text,
        label text,
        limit_l1_a double precision,
        limit_l2_a double precision,
        limit_l3_a double precision,
        limit_total_w double precision,
        station_id text,
        wiring text[],
        rating_max_a double precision,
        rating_phases smallint,
        evse_id integer,
        min_a double precision,
        max_a double precision,
        phases smallint,
        priority integer,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT node_pkey PRIMARY KEY (site_id, node_id),
        CONSTRAINT node_kind_key UNIQUE (site_id, node_id, kind),
        CONSTRAINT node_parent_fkey FOREIGN KEY (site_id, parent_id, parent_kind) REFERENCES "smart_charging"."node" (site_id, node_id, kind),
        CONSTRAINT node_root CHECK ((kind = 'site') = (parent_id IS NULL) AND (kind <> 'site' OR node_id = site_id)),
        CONSTRAINT node_parent_kind CHECK (
          (parent_id IS NULL) = (parent_kind IS NULL)
          AND (kind <> 'evse' OR COALESCE(parent_kind = 'charger', false))
          AND (kind NOT IN ('feeder', 'cabinet', 'transformer', 'charger') OR COALESCE(parent_kind IN ('site', 'feeder', 'cabinet', 'transformer'), false))),
        CONSTRAINT node_limit CHECK (
          ${amount('limit_l1_a')} AND ${amount('limit_l2_a')} AND ${amount('limit_l3_a')} AND ${amount('limit_total_w')}
          AND ((limit_l1_a IS NULL) = (limit_l2_a IS NULL) AND (limit_l2_a IS NULL) = (limit_l3_a IS NULL))),
        CONSTRAINT node_charger CHECK (
          CASE WHEN kind = 'charger'
            THEN COALESCE(station_id IS NOT NULL AND rating_max_a > 0 AND rating_max_a < 'Infinity' AND rating_phases IN (1, 3)
              AND cardinality(wiring) = 3 AND wiring @> ARRAY['L1', 'L2', 'L3'], false)
            ELSE station_id IS NULL AND wiring IS NULL AND rating_max_a IS NULL AND rating_phases IS NULL END),
        CONSTRAINT node_evse CHECK (
          CASE WHEN kind = 'evse'
            THEN COALESCE(evse_id >= 1 AND min_a >= 0 AND min_a <= max_a AND max_a < 'Infinity' AND phases IN (1, 3) AND priority IS NOT NULL, false)
            ELSE evse_id IS NULL AND min_a IS NULL AND max_a IS NULL AND phases IS NULL AND priority IS NULL END)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX node_station_key ON "smart_charging"."node" (station_id) WHERE station_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX node_evse_key ON "smart_charging"."node" (site_id, parent_id, evse_id) WHERE evse_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX node_site_root_key ON "smart_charging"."node" (site_id) WHERE kind = 'site'`);
    await queryRunner.query(`CREATE INDEX node_parent_idx ON "smart_charging"."node" (site_id, parent_id)`);
    await queryRunner.query(`
      CREATE FUNCTION "smart_charging".node_no_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.parent_id IS NOT NULL AND EXISTS (
          WITH RECURSIVE ancestor (node_id, parent_id) AS (
            SELECT node_id, parent_id FROM "smart_charging"."node" WHERE site_id = NEW.site_id AND node_id = NEW.parent_id
            UNION
            SELECT n.node_id, n.parent_id FROM "smart_charging"."node" n JOIN ancestor a ON n.site_id = NEW.site_id AND n.node_id = a.parent_id
          )
          SELECT 1 FROM ancestor WHERE node_id = NEW.node_id
        ) THEN
          RAISE EXCEPTION 'node % of site % cannot move under its own descendant %', NEW.node_id, NEW.site_id, NEW.parent_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'node_no_cycle';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER node_no_cycle BEFORE UPDATE OF parent_id ON "smart_charging"."node"
        FOR EACH ROW EXECUTE FUNCTION "smart_charging".node_no_cycle()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "smart_charging"."node"`);
    await queryRunner.query(`DROP FUNCTION "smart_charging".node_no_cycle()`);
    await queryRunner.query(`DROP TABLE "smart_charging"."site"`);
  }
}
