import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { MeterSampleRepository } from './meter-sample.repository';
import { MeterValuesHandler } from './meter-values.handler';
import { MeteringHandlers } from './metering.handlers';

@Module({
  imports: [ConnectionPersistenceModule, GatewayModule, StationEventsModule],
  providers: [MeteringHandlers, MeterValuesHandler, MeterSampleRepository],
  exports: [MeterSampleRepository],
})
export class MeteringModule {}
