import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transactions and every event a station reported about them. The transaction row is derived
 * from its events (transactions/transaction-state.reducer.ts), so events may arrive in any order.
 * 1.6 transaction ids come from a sequence; `start_key` makes a retried StartTransaction find
 * the id it was given the first time.
 */
export class CreateTransaction1764130000004 implements MigrationInterface {
  name = 'CreateTransaction1764130000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "connection"."ocpp16_transaction_id_seq" AS integer MINVALUE 1 START 1`);
    await queryRunner.query(`
      CREATE TABLE "connection"."transaction" (
        station_id text NOT NULL REFERENCES "connection"."station" (id) ON DELETE CASCADE,
        transaction_id text NOT NULL,
        start_key text,
        state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'ended')),
        evse_id integer,
        connector_id integer,
        id_token text,
        id_token_type text,
        started_at timestamptz,
        stopped_at timestamptz,
        meter_start_wh double precision,
        meter_stop_wh double precision,
        energy_wh double precision,
        stopped_reason text,
        charging_state text,
        remote_start_id integer,
        offline boolean NOT NULL DEFAULT false,
        last_seq_no bigint,
        event_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, transaction_id),
        CONSTRAINT transaction_start_key_unique UNIQUE (station_id, start_key)
      )`);
    await queryRunner.query(`CREATE INDEX transaction_active_idx ON "connection"."transaction" (station_id) WHERE state = 'active'`);
    await queryRunner.query(`CREATE INDEX transaction_started_at_idx ON "connection"."transaction" (started_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE "connection"."transaction_event" (
        station_id text NOT NULL,
        transaction_id text NOT NULL,
        seq_no bigint NOT NULL,
        event_type text NOT NULL CHECK (event_type IN ('Started', 'Updated', 'Ended')),
        occurred_at timestamptz NOT NULL,
        trigger_reason text NOT NULL,
        offline boolean NOT NULL DEFAULT false,
        evse_id integer,
        connector_id integer,
        id_token text,
        id_token_type text,
        id_token_status text,
        charging_state text,
        stopped_reason text,
        remote_start_id integer,
        energy_wh double precision,
        begin_energy_wh double precision,
        event_id uuid NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, transaction_id, seq_no),
        FOREIGN KEY (station_id, transaction_id) REFERENCES "connection"."transaction" (station_id, transaction_id) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."transaction_event"`);
    await queryRunner.query(`DROP TABLE "connection"."transaction"`);
    await queryRunner.query(`DROP SEQUENCE "connection"."ocpp16_transaction_id_seq"`);
  }
}
