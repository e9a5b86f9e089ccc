import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reservations (issue 11): one row per ReserveNow the CSMS sent, its id allocated here (a
 * positive int32, as both versions type it) and never reused. `active` rows hold an EVSE
 * (0: any EVSE of the station) only until expires_at: readers compare with the clock, so a row
 * whose expiry passed is expired whether or not the station said so. The partial index serves
 * the station core's one hot read, the active reservations of a station at Authorize and start.
 */
export class CreateReservation1764172000001 implements MigrationInterface {
  name = 'CreateReservation1764172000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "connection"."reservation_id_seq" AS integer MINVALUE 1 MAXVALUE 2147483647`);
    await queryRunner.query(`
      CREATE TABLE "connection"."reservation" (
        id integer PRIMARY KEY DEFAULT nextval('"connection"."reservation_id_seq"'),
        station_id text NOT NULL REFERENCES "connection"."station" (id) ON DELETE CASCADE,
        evse_id integer NOT NULL CHECK (evse_id >= 0),
        connector_type text,
        id_token text NOT NULL,
        id_token_type text NOT NULL,
        group_id_token text,
        expires_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('requested', 'active', 'faulted', 'occupied', 'rejected', 'unavailable', 'failed', 'used', 'cancelled', 'expired', 'removed')),
        station_status text,
        command_id text,
        failure text,
        transaction_id text,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz
      )`);
    await queryRunner.query(`ALTER SEQUENCE "connection"."reservation_id_seq" OWNED BY "connection"."reservation".id`);
    await queryRunner.query(`CREATE INDEX reservation_active_idx ON "connection"."reservation" (station_id) WHERE status = 'active'`);
    await queryRunner.query(`CREATE INDEX reservation_order_idx ON "connection"."reservation" (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX reservation_station_idx ON "connection"."reservation" (station_id, created_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."reservation"`);
  }
}
