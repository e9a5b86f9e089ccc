import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { smartChargingSchema } from './smart-charging-schema';

/** The smart_charging schema's DataSource, opened once and shared by every capability module. */
@Module({
  imports: [PersistenceModule.forService(smartChargingSchema)],
  exports: [PersistenceModule],
})
export class SmartChargingPersistenceModule {}
