import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lease of a profile upgrade (jobs/profile-upgrade/): `runner` is the PKI replica driving the
 * job and `lease_until` how long it may without renewing, so two replicas never send a station the
 * same upgrade at once and another replica takes a job over once its runner's lease ran out.
 */
export class AddProfileUpgradeLease1764300000060 implements MigrationInterface {
  name = 'AddProfileUpgradeLease1764300000060';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pki"."profile_upgrade" ADD COLUMN runner text, ADD COLUMN lease_until timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pki"."profile_upgrade" DROP COLUMN lease_until, DROP COLUMN runner`);
  }
}
