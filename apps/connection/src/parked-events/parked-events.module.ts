import { Module } from '@nestjs/common';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { ParkedEventIndexer } from './parked-event.indexer';
import { ParkedEventRepository } from './parked-event.repository';
import { ParkedEventsService } from './parked-events.service';

/** The index of ocpp.parked, and the service behind the operator API's parked-events routes (ADR 041). */
@Module({
  imports: [ConnectionPersistenceModule],
  providers: [ParkedEventRepository, ParkedEventIndexer, ParkedEventsService],
  exports: [ParkedEventsService],
})
export class ParkedEventsModule {}
