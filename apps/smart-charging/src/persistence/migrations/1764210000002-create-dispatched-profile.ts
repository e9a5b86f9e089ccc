import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The profile this service last sent for each (station, purpose, EVSE), with the station's
 * answer: what it should hold, and the ground for what to send next. The command history of the
 * connection service keeps every attempt; this keeps the latest.
 */
export class CreateDispatchedProfile1764210000002 implements MigrationInterface {
  name = 'CreateDispatchedProfile1764210000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "smart_charging"."dispatched_profile" (
        station_id text NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('tx', 'tx-default', 'station-max')),
        evse_id integer NOT NULL,
        profile jsonb NOT NULL,
        sent_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('pending', 'accepted', 'rejected', 'failed')),
        answered_at timestamptz,
        command_id text,
        detail text,
        PRIMARY KEY (station_id, purpose, evse_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "smart_charging"."dispatched_profile"`);
  }
}
