import { DeviceModelReadRepository } from './device-model-read.repository';
import { DeviceModelReportsService } from './device-model-reports.service';
import { DeviceModelController } from './device-model.controller';
import { DeviceModelService } from './device-model.service';

// The device-model part of the operator API, spread into api.module.ts (one line each) so the
// roles spec finds its endpoints with the others.
export const deviceModelApiControllers = [DeviceModelController];
export const deviceModelApiProviders = [DeviceModelReadRepository, DeviceModelService, DeviceModelReportsService];
