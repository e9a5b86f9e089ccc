import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The last status of every connector (EVSE 0 / connector 0: the whole station). */
export class CreateConnector1764130000002 implements MigrationInterface {
  name = 'CreateConnector1764130000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."connector" (
        station_id text NOT NULL REFERENCES "connection"."station" (id) ON DELETE CASCADE,
        evse_id integer NOT NULL CHECK (evse_id >= 0),
        connector_id integer NOT NULL CHECK (connector_id >= 0),
        status text NOT NULL CHECK (status IN ('Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted')),
        ocpp_status text NOT NULL,
        error_code text,
        info text,
        vendor_error_code text,
        status_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, evse_id, connector_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."connector"`);
  }
}
