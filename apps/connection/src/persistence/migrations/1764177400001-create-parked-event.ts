import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The records consumer groups parked on ocpp.parked (ADR 041), indexed for the operator API:
 * listed with paging and replayed from here, so a replay does not depend on the topic's
 * retention. Keyed by the record's place on ocpp.parked, so re-reading the topic adds nothing.
 */
export class CreateParkedEvent1764177400001 implements MigrationInterface {
  name = 'CreateParkedEvent1764177400001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."parked_event" (
        id bigserial PRIMARY KEY,
        parking_partition integer NOT NULL,
        parking_offset bigint NOT NULL,
        consumer_group text NOT NULL,
        original_topic text NOT NULL,
        original_partition integer NOT NULL,
        original_offset bigint NOT NULL,
        record_key text NOT NULL,
        headers jsonb NOT NULL,
        payload bytea NOT NULL,
        error_class text NOT NULL,
        error_message text NOT NULL,
        attempts integer NOT NULL,
        parked_at timestamptz NOT NULL,
        replay_count integer NOT NULL DEFAULT 0,
        last_replayed_at timestamptz,
        UNIQUE (parking_partition, parking_offset)
      )`);
    await queryRunner.query(`CREATE INDEX parked_event_group_idx ON "connection"."parked_event" (consumer_group, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."parked_event"`);
  }
}
