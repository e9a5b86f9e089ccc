import { Module } from '@nestjs/common';
import { CredentialVerifier } from '../security/credential-verifier';
import { StationEventsModule } from '../station-events/station-events.module';
import { StationHistoryModule } from '../station-history/station-history.module';
import { StationsModule } from '../stations/stations.module';
import { CallHandlerRegistry } from './call-handler.registry';
import { GatewayMetrics } from './gateway.metrics';
import { OcppGateway } from './ocpp-gateway';
import { StationConnections } from './station-connections';
import { UpgradeAuthenticator } from './upgrade-authenticator';
import { CallTimings } from './call-timings';
import { WithheldAnswers } from './withheld-answers';
import { DrainMetrics } from './drain/drain.metrics';

@Module({
  imports: [StationsModule, StationEventsModule, StationHistoryModule],
  providers: [OcppGateway, GatewayMetrics, UpgradeAuthenticator, CredentialVerifier, CallHandlerRegistry, StationConnections, WithheldAnswers, CallTimings, DrainMetrics],
  exports: [CallHandlerRegistry, StationConnections],
})
export class GatewayModule {}
