import { Global, Module } from '@nestjs/common';
import { PkiPersistenceModule } from '../persistence/pki-persistence.module';
import { StationOwnedRepository } from './station-owned.repository';
import { StationTenantDirectory } from './station-tenant.directory';

/** Which stations, and so which PKI objects, belong to a tenant: for the interceptor and for every tenant-filtered list. */
@Global()
@Module({
  imports: [PkiPersistenceModule],
  providers: [StationTenantDirectory, StationOwnedRepository],
  exports: [StationTenantDirectory, StationOwnedRepository],
})
export class TenancyModule {}
