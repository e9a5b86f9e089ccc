import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operator organisation a site belongs to (docs/adr/037-tenant-scoping.md); null: none
 * (deployments without tenants, or not assigned yet). Its nodes, limits, allocation, audit log and
 * deviations belong to the site's tenant. The index serves the tenant-filtered site list.
 */
export class SiteTenant1764221000001 implements MigrationInterface {
  name = 'SiteTenant1764221000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "smart_charging"."site" ADD COLUMN tenant text NULL`);
    await queryRunner.query(`CREATE INDEX site_tenant_idx ON "smart_charging"."site" (tenant, site_id) WHERE tenant IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "smart_charging"."site_tenant_idx"`);
    await queryRunner.query(`ALTER TABLE "smart_charging"."site" DROP COLUMN tenant`);
  }
}
