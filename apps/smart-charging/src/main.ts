import { runServices } from '@app/runtime';
import { SMART_CHARGING_DEFAULT_HTTP_PORT, smartChargingService } from './smart-charging.definition';

void runServices({ defaultHttpPort: SMART_CHARGING_DEFAULT_HTTP_PORT, embedded: false }, [smartChargingService]);
