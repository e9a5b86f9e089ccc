import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Id tokens (1.6 idTags, 2.0.1 idTokens) the CSMS knows; matched case-insensitively, as OCPP compares them. */
export class CreateIdToken1764130000003 implements MigrationInterface {
  name = 'CreateIdToken1764130000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."id_token" (
        value text PRIMARY KEY CHECK (length(value) BETWEEN 1 AND 36),
        type text NOT NULL,
        status text NOT NULL CHECK (status IN ('Accepted', 'Blocked', 'Expired', 'Invalid', 'NoCredit', 'NotAllowedTypeEVSE', 'NotAtThisLocation', 'NotAtThisTime')),
        expires_at timestamptz,
        group_id_token text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX id_token_value_ci_key ON "connection"."id_token" (lower(value))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."id_token"`);
  }
}
