import { RetentionModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { SmartChargingPersistenceModule } from '../persistence/smart-charging-persistence.module';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';
import { SMART_CHARGING_RETENTION } from './smart-charging-retention.targets';

/** The smart_charging schema's retention (ADR 044): inbox, audit trails, closed draw deviations, draw history. */
@Module({
  imports: [RetentionModule.forService({ schema: SMART_CHARGING_SCHEMA, targets: SMART_CHARGING_RETENTION, persistence: SmartChargingPersistenceModule })],
})
export class SmartChargingRetentionModule {}
