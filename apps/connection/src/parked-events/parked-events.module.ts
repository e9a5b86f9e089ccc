import { Module } from '@nestjs/common';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { ParkedEventIndexer } from './parked-event.indexer';
import { ParkedEventRepository } from './parked-event.repository';
import { ParkedEventsController } from './parked-events.controller';
import { ParkedEventsService } from './parked-events.service';

/** The index of ocpp.parked and the operator API that lists and replays it (ADR 041). */
@Module({
  imports: [ConnectionPersistenceModule],
  controllers: [ParkedEventsController],
  providers: [ParkedEventRepository, ParkedEventIndexer, ParkedEventsService],
})
export class ParkedEventsModule {}
