import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security events (security-events/): every SecurityEvent body on ocpp.events, reported by a
 * station (SecurityEventNotification) or raised by the CSMS itself (refused credentials, profile
 * downgrade attempts), one row per event id. Read newest first by when it happened, overall, per
 * station or per type.
 */
export class CreateSecurityEvent1764151000001 implements MigrationInterface {
  name = 'CreateSecurityEvent1764151000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "pki"."security_event" (
        event_id text PRIMARY KEY,
        station_id text NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        tech_info text,
        raised_by_csms boolean NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX security_event_order_idx ON "pki"."security_event" (occurred_at DESC, event_id DESC)`);
    await queryRunner.query(`CREATE INDEX security_event_station_idx ON "pki"."security_event" (station_id, occurred_at DESC, event_id DESC)`);
    await queryRunner.query(`CREATE INDEX security_event_type_idx ON "pki"."security_event" (type, occurred_at DESC, event_id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pki"."security_event"`);
  }
}
