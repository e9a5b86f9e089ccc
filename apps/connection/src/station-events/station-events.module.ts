import { Module } from '@nestjs/common';
import { StationEventEmitter } from './station-event.emitter';
import { SyntheticEventController } from './synthetic-event.controller';

@Module({
  controllers: [SyntheticEventController],
  providers: [StationEventEmitter],
  exports: [StationEventEmitter],
})
export class StationEventsModule {}
