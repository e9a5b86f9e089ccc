import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A station's history for operators (station-history/): every BootNotification with the answer
 * it got, every connector status it reported, every connection opened and closed. Append-only,
 * written in the background in batches; read per station newest first by the time the event
 * happened (`at`: the station's clock for statuses, ours otherwise); pruned by recorded_at
 * (BRIN: rows arrive in time order). No foreign key to the station: history outlives a
 * registration, and a batch must not fail because one station was removed meanwhile.
 */
export class CreateStationHistory1764151000002 implements MigrationInterface {
  name = 'CreateStationHistory1764151000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."station_boot_history" (
        id bigserial PRIMARY KEY,
        station_id text NOT NULL,
        at timestamptz NOT NULL,
        vendor text NOT NULL,
        model text NOT NULL,
        serial_number text,
        firmware_version text,
        boot_reason text,
        status text NOT NULL CHECK (status IN ('Accepted', 'Pending', 'Rejected')),
        status_reason text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "connection"."connector_status_history" (
        id bigserial PRIMARY KEY,
        station_id text NOT NULL,
        at timestamptz NOT NULL,
        evse_id integer NOT NULL,
        connector_id integer NOT NULL,
        status text NOT NULL,
        ocpp_status text NOT NULL,
        error_code text,
        info text,
        vendor_error_code text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "connection"."station_connection_history" (
        id bigserial PRIMARY KEY,
        station_id text NOT NULL,
        at timestamptz NOT NULL,
        event text NOT NULL CHECK (event IN ('connected', 'disconnected')),
        protocol text NOT NULL,
        security_profile smallint NOT NULL,
        replica text NOT NULL,
        close_code integer,
        reason text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const table of ['station_boot_history', 'connector_status_history', 'station_connection_history']) {
      await queryRunner.query(`CREATE INDEX ${table}_station_idx ON "connection"."${table}" (station_id, at DESC, id DESC)`);
      await queryRunner.query(`CREATE INDEX ${table}_recorded_idx ON "connection"."${table}" USING brin (recorded_at)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['station_connection_history', 'connector_status_history', 'station_boot_history']) {
      await queryRunner.query(`DROP TABLE "connection"."${table}"`);
    }
  }
}
