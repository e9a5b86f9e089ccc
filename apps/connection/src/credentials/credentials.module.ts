import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { RoutingModule } from '../routing/routing.module';
import { CredentialProvisioner } from './credential-provisioner';
import { CredentialProvisioningRepository } from './credential-provisioning.repository';

/** Passwords for stations an operator accepts (ADR 039); dropping connections is a command (routing/). */
@Module({
  imports: [ConnectionPersistenceModule, GatewayModule, RoutingModule],
  providers: [CredentialProvisioner, CredentialProvisioningRepository],
  exports: [CredentialProvisioner, CredentialProvisioningRepository],
})
export class CredentialsModule {}
