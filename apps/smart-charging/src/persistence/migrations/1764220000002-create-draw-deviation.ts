import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that drew more than their profile allowed (verification by measurement): one row per
 * deviation, open (closed_at null) while the station overdraws, at most one open per EVSE. Kept
 * after the session and the site, like the audit log.
 */
export class CreateDrawDeviation1764220000002 implements MigrationInterface {
  name = 'CreateDrawDeviation1764220000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "smart_charging"."draw_deviation" (
        id bigserial PRIMARY KEY,
        site_id text NOT NULL,
        station_id text NOT NULL,
        evse_id integer NOT NULL,
        transaction_id text NOT NULL,
        phases text[] NOT NULL CHECK (cardinality(phases) BETWEEN 1 AND 3 AND phases <@ ARRAY['L1', 'L2', 'L3']),
        allowed_a double precision NOT NULL CHECK (allowed_a >= 0 AND allowed_a < 'Infinity'),
        drawn_peak_a double precision NOT NULL CHECK (drawn_peak_a >= 0 AND drawn_peak_a < 'Infinity'),
        excess_peak_a double precision NOT NULL CHECK (excess_peak_a > 0 AND excess_peak_a < 'Infinity'),
        opened_at timestamptz NOT NULL,
        closed_at timestamptz CHECK (closed_at >= opened_at)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX draw_deviation_open_key ON "smart_charging"."draw_deviation" (station_id, evse_id) WHERE closed_at IS NULL`);
    await queryRunner.query(`CREATE INDEX draw_deviation_site ON "smart_charging"."draw_deviation" (site_id, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "smart_charging"."draw_deviation"`);
  }
}
