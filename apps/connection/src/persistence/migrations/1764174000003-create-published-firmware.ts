import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Firmware a local controller was asked to publish (PublishFirmware, 2.0.1) and how far it got
 * (PublishFirmwareStatusNotification), per station and requestId; request_id 0 holds a status
 * the station sent without a requestId. `locations` are the URIs it publishes on once Published.
 */
export class CreatePublishedFirmware1764174000003 implements MigrationInterface {
  name = 'CreatePublishedFirmware1764174000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."published_firmware" (
        station_id text NOT NULL,
        request_id integer NOT NULL,
        location text,
        checksum text,
        status text NOT NULL,
        locations jsonb,
        requested_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, request_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."published_firmware"`);
  }
}
