import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Normalised meter samples (W, Wh, A, V, %), standalone or linked to a transaction. A sample is
 * identified by where and when it was measured, so a retried message adds no rows.
 */
export class CreateMeterSample1764130000005 implements MigrationInterface {
  name = 'CreateMeterSample1764130000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."meter_sample" (
        id bigserial PRIMARY KEY,
        station_id text NOT NULL REFERENCES "connection"."station" (id) ON DELETE CASCADE,
        evse_id integer NOT NULL,
        transaction_id text,
        sampled_at timestamptz NOT NULL,
        measurand text NOT NULL,
        phase text NOT NULL DEFAULT '',
        location text NOT NULL DEFAULT '',
        context text NOT NULL DEFAULT '',
        value double precision NOT NULL,
        unit text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meter_sample_identity UNIQUE (station_id, evse_id, sampled_at, measurand, phase, location, context)
      )`);
    await queryRunner.query(
      `CREATE INDEX meter_sample_transaction_idx ON "connection"."meter_sample" (station_id, transaction_id, sampled_at) WHERE transaction_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."meter_sample"`);
  }
}
