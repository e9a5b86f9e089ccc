import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The charging schedule an EV last proposed per station and EVSE (NotifyEVChargingSchedule, 2.0.1 ISO 15118). */
export class CreateEvChargingSchedule1764174000004 implements MigrationInterface {
  name = 'CreateEvChargingSchedule1764174000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."ev_charging_schedule" (
        station_id text NOT NULL,
        evse_id integer NOT NULL,
        time_base timestamptz NOT NULL,
        charging_schedule jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, evse_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."ev_charging_schedule"`);
  }
}
