import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = `"smart_charging"."limit_schedule"`;
const NARROW = `'^(operator|grid-operator|oscp:[A-Za-z0-9._-]{1,64}|station:[A-Za-z0-9*=:+|@._-]{1,48}|operator-profile:[A-Za-z0-9*=:+|@._-]{1,48})$'`;
const WIDE = `'^(operator|grid-operator|oscp:[A-Za-z0-9._-]{1,64}|station:[A-Za-z0-9*=:+|@._-]{1,128}|operator-profile:[A-Za-z0-9*=:+|@._-]{1,128})$'`;

/**
 * Limits set by others (docs/adr/018-limits-set-by-others.md): one station may carry several
 * `station:` and `operator-profile:` sources (per limit source or profile and EVSE), whose names
 * outgrow the 48 characters the first check allowed. Same rule as limits/limit-source.ts.
 */
export class WidenLimitSources1764220000001 implements MigrationInterface {
  name = 'WidenLimitSources1764220000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${TABLE} DROP CONSTRAINT limit_schedule_source`);
    await queryRunner.query(`ALTER TABLE ${TABLE} ADD CONSTRAINT limit_schedule_source CHECK (source ~ ${WIDE})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The service writes these sources again from what stations and operators do next.
    await queryRunner.query(`DELETE FROM ${TABLE} WHERE source !~ ${NARROW}`);
    await queryRunner.query(`ALTER TABLE ${TABLE} DROP CONSTRAINT limit_schedule_source`);
    await queryRunner.query(`ALTER TABLE ${TABLE} ADD CONSTRAINT limit_schedule_source CHECK (source ~ ${NARROW})`);
  }
}
