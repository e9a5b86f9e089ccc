export { smartChargingService } from './smart-charging.definition';
