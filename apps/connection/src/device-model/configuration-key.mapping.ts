import type { ObservedValue, ReportedVariable, VariableAddress } from './device-model.types';

// OCPP 1.6 has no device model, only flat configuration keys. They are stored as variables of one
// fixed component, so an operator browses and sets either version in the same place:
//   1.6 key "HeartbeatInterval" = component "OCPP16Configuration", variable "HeartbeatInterval",
//   attribute Actual, mutability ReadOnly when the station says readonly, else ReadWrite;
// their neutral name is "OCPP16Configuration/HeartbeatInterval". 1.6 says nothing of data types.

export const CONFIGURATION_COMPONENT = 'OCPP16Configuration';

export interface ConfigurationKey {
  key: string;
  value?: string;
  readonly?: boolean;
}

export function addressOfConfigurationKey(key: string): VariableAddress {
  return { component: { name: CONFIGURATION_COMPONENT }, variable: { name: key } };
}

/** The 1.6 key an operator means: a bare key, or its name in the store. */
export function configurationKeyOf(name: string): string {
  const prefix = `${CONFIGURATION_COMPONENT}/`;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

export function variableOfConfigurationKey(entry: ConfigurationKey): ReportedVariable {
  return {
    ...addressOfConfigurationKey(entry.key),
    attributes: [{ type: 'Actual', ...(entry.value === undefined ? {} : { value: entry.value }), mutability: entry.readonly === true ? 'ReadOnly' : 'ReadWrite' }],
  };
}

export function changedConfigurationKey(key: string, value: string, stationStatus: string): ObservedValue {
  return { ...addressOfConfigurationKey(key), type: 'Actual', value, rebootRequired: stationStatus === 'RebootRequired', setStatus: stationStatus };
}
