import { inboxController } from '@app/persistence';
import { Module } from '@nestjs/common';
import { GatewayModule } from './gateway/gateway.module';
import { ConnectionPersistenceModule } from './persistence/connection-persistence.module';
import { CONNECTION_SCHEMA } from './persistence/connection-schema';
import { ProvisioningModule } from './provisioning/provisioning.module';
import { RoutingModule } from './routing/routing.module';
import { StationEventsModule } from './station-events/station-events.module';

@Module({
  imports: [ConnectionPersistenceModule, StationEventsModule, GatewayModule, ProvisioningModule, RoutingModule],
  controllers: [inboxController('connection', CONNECTION_SCHEMA)],
})
export class ConnectionModule {}
