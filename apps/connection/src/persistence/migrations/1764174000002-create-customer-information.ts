import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CustomerInformation requests (customer-information/) and the NotifyCustomerInformation parts
 * the station sends for them, one row per part (seqNo), so that a part delivered twice is stored
 * once and the document is assembled in seqNo order whatever order the parts came in. Personal
 * data: read only through the operator API's customer-information endpoints, and kept no longer
 * than the history (retention/ prunes both tables by recorded_at, HISTORY_RETENTION_DAYS).
 */
export class CreateCustomerInformation1764174000002 implements MigrationInterface {
  name = 'CreateCustomerInformation1764174000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."customer_information_request" (
        station_id text NOT NULL,
        request_id integer NOT NULL,
        report boolean NOT NULL,
        clear boolean NOT NULL,
        customer jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('requested', 'accepted', 'rejected', 'failed')),
        station_status text,
        requested_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, request_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE "connection"."customer_information_part" (
        station_id text NOT NULL,
        request_id integer NOT NULL,
        seq_no integer NOT NULL,
        data text NOT NULL,
        tbc boolean NOT NULL,
        generated_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, request_id, seq_no)
      )`);
    await queryRunner.query(`CREATE INDEX customer_information_request_recorded_idx ON "connection"."customer_information_request" USING brin (recorded_at)`);
    await queryRunner.query(`CREATE INDEX customer_information_part_recorded_idx ON "connection"."customer_information_part" USING brin (recorded_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."customer_information_part"`);
    await queryRunner.query(`DROP TABLE "connection"."customer_information_request"`);
  }
}
