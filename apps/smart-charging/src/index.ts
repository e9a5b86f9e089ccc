export { SMART_CHARGING_DEFAULT_HTTP_PORT, smartChargingService } from './smart-charging.definition';
export { smartChargingSchema } from './persistence/smart-charging-schema';
export { SMART_CHARGING_RETENTION } from './retention/smart-charging-retention.targets';
