// Everything the operator API uses from the device model capability (device-model/), in one place,
// as station-core.port.ts does for the station core.

export { CONFIGURATION_COMPONENT, configurationKeyOf } from '../device-model/configuration-key.mapping';
export { type DeviceModelUpdate, deviceModelUpdateOfAnswer } from '../device-model/command-result.updates';
export { attributeTypes, mutabilities } from '../device-model/device-model.types';
export { DEVICE_MODEL_TABLE } from '../device-model/device-model.repository';
export { DeviceModelUpdater } from '../device-model/device-model.updater';
export { type ReportBase, type ReportJob, reportBases, reportJobStatuses, statusOfAnswer } from '../device-model/report-job';
export { ReportJobRepository } from '../device-model/report-job.repository';
export { needsAdminToSet } from '../device-model/admin-only-variable';
export { addressOfKey } from '../device-model/variable-key';
