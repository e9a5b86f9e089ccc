import { PersistenceModule, inboxController } from '@app/persistence';
import { Module } from '@nestjs/common';
import { SMART_CHARGING_SCHEMA, smartChargingSchema } from './persistence/smart-charging-schema';
import { StationEventConsumer } from './station-events/station-event.consumer';

@Module({
  imports: [PersistenceModule.forService(smartChargingSchema)],
  controllers: [inboxController('smart-charging', SMART_CHARGING_SCHEMA)],
  providers: [StationEventConsumer],
})
export class SmartChargingModule {}
