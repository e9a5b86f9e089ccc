import { Module } from '@nestjs/common';
import { DurableAcknowledgement } from './durable-acknowledgement';
import { StationEventEmitter } from './station-event.emitter';
import { SyntheticEventController } from './synthetic-event.controller';

@Module({
  controllers: [SyntheticEventController],
  providers: [StationEventEmitter, DurableAcknowledgement],
  exports: [StationEventEmitter, DurableAcknowledgement],
})
export class StationEventsModule {}
