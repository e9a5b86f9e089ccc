import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The command history: one row per command a replica ran (or answered not-connected), written
 * in the background after the command's answer (command-log/). A command that a replica answered
 * not-connected and the client then sent to the station's new replica keeps one row: the run
 * that reached the station replaces the not-connected one. Pages newest first by issue time,
 * overall or per station; old rows are pruned by recorded_at (BRIN: rows arrive in time order).
 */
export class CreateCommandLog1764151000001 implements MigrationInterface {
  name = 'CreateCommandLog1764151000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."command_log" (
        command_id text PRIMARY KEY,
        station_id text NOT NULL,
        origin_service text NOT NULL,
        actor text,
        command text NOT NULL,
        action text,
        request jsonb,
        issued_at timestamptz NOT NULL,
        completed_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('accepted', 'rejected', 'call-error', 'timeout', 'not-connected', 'invalid')),
        response jsonb,
        error_code text,
        error_description text,
        replica integer NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX command_log_order_idx ON "connection"."command_log" (issued_at DESC, command_id DESC)`);
    await queryRunner.query(`CREATE INDEX command_log_station_idx ON "connection"."command_log" (station_id, issued_at DESC, command_id DESC)`);
    await queryRunner.query(`CREATE INDEX command_log_recorded_idx ON "connection"."command_log" USING brin (recorded_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."command_log"`);
  }
}
