import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { ProvisioningHandlers } from './provisioning.handlers';

@Module({
  imports: [GatewayModule],
  providers: [ProvisioningHandlers],
})
export class ProvisioningModule {}
