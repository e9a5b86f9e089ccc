import { createInboxTable, dropInboxTable } from '@app/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInbox1764110000000 implements MigrationInterface {
  name = 'CreateInbox1764110000000';

  up(queryRunner: QueryRunner): Promise<void> {
    return createInboxTable(queryRunner, 'pki');
  }

  down(queryRunner: QueryRunner): Promise<void> {
    return dropInboxTable(queryRunner, 'pki');
  }
}
