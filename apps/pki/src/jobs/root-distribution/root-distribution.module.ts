import { Module } from '@nestjs/common';
import { InventoryModule } from '@app/pki/inventory/inventory.module';
import { PkiPersistenceModule } from '@app/pki/persistence/pki-persistence.module';
import { RootDistributionJobsController } from './root-distribution-jobs.controller';
import { RootDistributionRunner } from './root-distribution.runner';
import { RootDistributionService } from './root-distribution.service';
import { RootJobRepository } from './root-job.repository';

/** Every controller of the PKI's REST API in this capability, for the role-matrix spec and the module. */
export const rootDistributionControllers = [RootDistributionJobsController];

/** Root certificates installed, deleted and rolled over across stations as tracked batch jobs; REST at /api/root-distribution-jobs. */
@Module({
  imports: [PkiPersistenceModule, InventoryModule],
  controllers: rootDistributionControllers,
  providers: [RootJobRepository, RootDistributionRunner, RootDistributionService],
})
export class RootDistributionModule {}
