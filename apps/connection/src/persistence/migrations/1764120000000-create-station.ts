import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStation1764120000000 implements MigrationInterface {
  name = 'CreateStation1764120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."station" (
        id text PRIMARY KEY,
        security_profile smallint NOT NULL DEFAULT 1 CHECK (security_profile BETWEEN 0 AND 3),
        password_hash text,
        serial_number text,
        auto_registered boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."station"`);
  }
}
