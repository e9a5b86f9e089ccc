import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The charging profiles 2.0.1 stations report (ReportChargingProfiles, the answer to
 * GetChargingProfiles): one row per profile and report part, so that an operator sees what a
 * station holds through the API. A part sent again (the station retrying) replaces its rows.
 * Kept like the history tables (pruned by recorded_at).
 */
export class CreateReportedChargingProfile1764175000002 implements MigrationInterface {
  name = 'CreateReportedChargingProfile1764175000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."reported_charging_profile" (
        id bigserial PRIMARY KEY,
        station_id text NOT NULL,
        request_id integer NOT NULL,
        evse_id integer NOT NULL,
        source text NOT NULL,
        profile_id integer NOT NULL,
        stack_level integer NOT NULL,
        purpose text NOT NULL,
        profile jsonb NOT NULL,
        tbc boolean NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reported_charging_profile_identity UNIQUE (station_id, request_id, evse_id, source, profile_id)
      )`);
    await queryRunner.query(`CREATE INDEX reported_charging_profile_station_idx ON "connection"."reported_charging_profile" (station_id, id DESC)`);
    await queryRunner.query(`CREATE INDEX reported_charging_profile_recorded_idx ON "connection"."reported_charging_profile" USING brin (recorded_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."reported_charging_profile"`);
  }
}
