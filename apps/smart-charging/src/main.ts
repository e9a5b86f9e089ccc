import { runServices } from '@app/runtime';
import { smartChargingService } from './smart-charging.definition';

void runServices({ defaultHttpPort: 3001, embedded: false }, [smartChargingService]);
