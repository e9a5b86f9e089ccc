/** The origin this service's commands carry (ocpp.commands `origin_service`): how it tells its own profiles from others'. */
export const SMART_CHARGING_ORIGIN = 'smart-charging';
