import { Module } from '@nestjs/common';
import { CommandLogModule } from '../command-log/command-log.module';
import { GatewayModule } from '../gateway/gateway.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { StationsModule } from '../stations/stations.module';
import { CommandObserversModule } from './command-observers.module';
import { CommandExecutor } from './command.executor';
import { PresencePublisher } from './presence.publisher';
import { CommandIntake } from './replica/command.intake';
import { replicaClaimProvider } from './replica/replica-claim.provider';
import { ReplicaHeartbeatPublisher } from './replica/replica-heartbeat.publisher';
import { ReplicaIdentity } from './replica/replica-identity';

/** How commands reach this replica's stations: its index held, presence and heartbeats out, commands in, results out. */
@Module({
  imports: [GatewayModule, StationEventsModule, StationsModule, CommandLogModule, CommandObserversModule],
  providers: [ReplicaIdentity, replicaClaimProvider, PresencePublisher, ReplicaHeartbeatPublisher, CommandExecutor, CommandIntake],
  exports: [CommandExecutor],
})
export class RoutingModule {}
