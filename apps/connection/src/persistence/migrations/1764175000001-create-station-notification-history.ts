import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fourth kind of station history: notifications a station sends that change nothing else the
 * CSMS stores — firmware update and log upload progress, DataTransfer — so that an operator sees
 * them through the API and not only a consumer of ocpp.events. Same shape and retention as the
 * other history tables (append-only, batched, pruned by recorded_at).
 */
export class CreateStationNotificationHistory1764175000001 implements MigrationInterface {
  name = 'CreateStationNotificationHistory1764175000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."station_notification_history" (
        id bigserial PRIMARY KEY,
        station_id text NOT NULL,
        at timestamptz NOT NULL,
        action text NOT NULL,
        status text NOT NULL,
        request_id integer,
        vendor_id text,
        message_id text,
        data text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX station_notification_history_station_idx ON "connection"."station_notification_history" (station_id, at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX station_notification_history_recorded_idx ON "connection"."station_notification_history" USING brin (recorded_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."station_notification_history"`);
  }
}
