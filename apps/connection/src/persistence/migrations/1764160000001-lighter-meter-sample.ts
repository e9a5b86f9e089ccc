import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meter samples are the busiest insert of the station core (a MeterValues carries 6-20 of them),
 * so each row carries only what it needs: its identity (station, EVSE, time, measurand, phase,
 * location, context) is already unique and is what every read and retry uses, so the surrogate
 * id and its index go; the foreign key to the station goes too, since its check ran once per
 * row, and a sample is only ever stored for a station that has just sent it.
 */
export class LighterMeterSample1764160000001 implements MigrationInterface {
  name = 'LighterMeterSample1764160000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "connection"."meter_sample" DROP CONSTRAINT IF EXISTS "meter_sample_station_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "connection"."meter_sample" DROP COLUMN "id"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "connection"."meter_sample" ADD COLUMN id bigserial PRIMARY KEY`);
    await queryRunner.query(
      `ALTER TABLE "connection"."meter_sample" ADD CONSTRAINT "meter_sample_station_id_fkey" FOREIGN KEY (station_id) REFERENCES "connection"."station" (id) ON DELETE CASCADE`,
    );
  }
}
