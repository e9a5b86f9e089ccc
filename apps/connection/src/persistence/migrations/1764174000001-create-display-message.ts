import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Display messages per 2.0.1 station (display-messages/): what the station holds as far as the
 * CSMS knows, from accepted SetDisplayMessage / ClearDisplayMessage answers and from the parts of
 * NotifyDisplayMessages. A GetDisplayMessages is a tracked request: its criteria and the ids its
 * parts reported, so that a finished report removes the messages the station no longer has.
 * `operator_request_id` numbers every tracked request the operator API sends (display
 * messages, customer information, firmware publishing): OCPP requestIds are integers, and a
 * sequence keeps them unique across replicas. Requests are pruned like the history (recorded_at).
 */
export class CreateDisplayMessage1764174000001 implements MigrationInterface {
  name = 'CreateDisplayMessage1764174000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "connection"."operator_request_id" AS integer MINVALUE 1 MAXVALUE 2147483647 CYCLE`);
    await queryRunner.query(`
      CREATE TABLE "connection"."display_message" (
        station_id text NOT NULL,
        message_id integer NOT NULL,
        priority text NOT NULL,
        state text,
        start_at timestamptz,
        end_at timestamptz,
        transaction_id text,
        message jsonb NOT NULL,
        display jsonb,
        source text NOT NULL CHECK (source IN ('set', 'reported')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, message_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE "connection"."display_message_request" (
        station_id text NOT NULL,
        request_id integer NOT NULL,
        criteria jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('requested', 'accepted', 'rejected', 'failed', 'complete')),
        station_status text,
        reported_ids integer[] NOT NULL DEFAULT '{}',
        parts integer NOT NULL DEFAULT 0,
        requested_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, request_id)
      )`);
    await queryRunner.query(`CREATE INDEX display_message_request_recorded_idx ON "connection"."display_message_request" USING brin (recorded_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."display_message_request"`);
    await queryRunner.query(`DROP TABLE "connection"."display_message"`);
    await queryRunner.query(`DROP SEQUENCE "connection"."operator_request_id"`);
  }
}
