import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operator organisation a station belongs to (docs/adr/037-tenant-scoping.md). Nullable:
 * deployments without tenants, and stations registered on first contact before an admin
 * assigns them. The index serves the tenant-filtered station list (keyset by id) and the
 * `station_id IN (stations of the tenant)` filter of every other station-keyed list.
 */
export class StationTenant1764177000001 implements MigrationInterface {
  name = 'StationTenant1764177000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "connection"."station" ADD COLUMN tenant text NULL`);
    await queryRunner.query(`CREATE INDEX station_tenant_idx ON "connection"."station" (tenant, id) WHERE tenant IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "connection"."station_tenant_idx"`);
    await queryRunner.query(`ALTER TABLE "connection"."station" DROP COLUMN tenant`);
  }
}
