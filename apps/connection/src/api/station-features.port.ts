// What the operator API's 2.0.1 feature endpoints (display messages, customer information,
// firmware publishing, EV charging schedules) use from the capability modules that keep that
// state, in one place, like station-core.port.ts for the station core.

export { DisplayMessageRepository, type DisplayMessageRequest } from '../display-messages/display-message.repository';
export { assembleCustomerInformation } from '../customer-information/customer-information.document';
export { type CustomerReference, CustomerInformationRepository } from '../customer-information/customer-information.repository';
export { PublishedFirmwareRepository } from '../firmware/published-firmware.repository';
export { EvChargingScheduleRepository } from '../smart-charging/ev-charging-schedule.repository';
