import { Module } from '@nestjs/common';
import { CommandLogModule } from '../command-log/command-log.module';
import { GatewayModule } from '../gateway/gateway.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { StationsModule } from '../stations/stations.module';
import { CommandObserversModule } from './command-observers.module';
import { CommandExecutor } from './command.executor';
import { PresencePublisher } from './presence.publisher';

/** How commands reach this replica's stations: presence out, commands in, results out. */
@Module({
  imports: [GatewayModule, StationEventsModule, StationsModule, CommandLogModule, CommandObserversModule],
  providers: [PresencePublisher, CommandExecutor],
  exports: [CommandExecutor],
})
export class RoutingModule {}
