import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { StationsModule } from '../stations/stations.module';
import { CertificateSigningHandlers } from './certificate-signing.handlers';
import { SecurityEventHandlers } from './security-event.handlers';

/** What stations report about their security and the CSRs they send; connection authentication itself lives in the gateway. */
@Module({
  imports: [GatewayModule, StationEventsModule, StationsModule],
  providers: [SecurityEventHandlers, CertificateSigningHandlers],
})
export class SecurityModule {}
