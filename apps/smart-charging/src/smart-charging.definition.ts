import type { ServiceDefinition } from '@app/runtime';
import { SmartChargingModule } from './smart-charging.module';

/** The HTTP port the service listens on when it runs alone (HTTP_PORT overrides it). */
export const SMART_CHARGING_DEFAULT_HTTP_PORT = 3001;

export const smartChargingService: ServiceDefinition = {
  name: 'smart-charging',
  module: SmartChargingModule,
  title: 'CSMS smart charging (site limits, allocation)',
};
