import type { ServiceDefinition } from '@app/runtime';
import { SmartChargingModule } from './smart-charging.module';

export const smartChargingService: ServiceDefinition = {
  name: 'smart-charging',
  module: SmartChargingModule,
  title: 'CSMS smart charging (site limits, allocation)',
};
