import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the smart-charging service knows of each station (connectivity, sessions, their draw and
 * needs), one JSON snapshot per station: written in the background as it changes and read back at
 * start, so that a restart allocates at once instead of waiting for every station to speak again.
 */
export class CreateStationChargingState1764210000001 implements MigrationInterface {
  name = 'CreateStationChargingState1764210000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "smart_charging"."station_charging_state" (
        station_id text PRIMARY KEY,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "smart_charging"."station_charging_state"`);
  }
}
