import { parsePriority } from '../connection/network-profiles';

/** A station setting: a 1.6 configuration key and, where 2.0.1 has one, its component/variable. */
export interface SettingDefinition {
  /** The 1.6 key; also the neutral name the station uses (a 2.0.1-only setting has no 1.6 key: see `only201`). */
  readonly name: SettingName;
  /** A device-model variable 1.6 has no key for: GetConfiguration neither lists nor finds it. */
  readonly only201?: true;
  readonly component?: string;
  readonly variable?: string;
  readonly readonly: boolean;
  readonly kind: 'integer' | 'boolean' | 'string' | 'slotList';
}

export type SettingName =
  | 'HeartbeatInterval'
  | 'MeterValueSampleInterval'
  | 'NumberOfConnectors'
  | 'AuthorizeRemoteTxRequests'
  | 'MeterValuesSampledData'
  | 'ConnectionTimeOut'
  | 'LocalAuthListEnabled'
  | 'SendLocalListMaxLength'
  | 'LocalAuthListMaxLength'
  | 'LocalAuthListBytesPerMessage'
  | 'ChargeProfileMaxStackLevel'
  | 'ChargingScheduleAllowedChargingRateUnit'
  | 'ChargingScheduleMaxPeriods'
  | 'MaxChargingProfilesInstalled'
  | 'SupportedFeatureProfiles'
  | 'SecurityProfile'
  | 'CpoName'
  | 'ConnectorSwitch3to1PhaseSupported'
  | 'SmartChargingEnabled'
  | 'ACPhaseSwitchingSupported'
  | 'SupplyPhases'
  | 'NetworkConfigurationPriority';

export const settingDefinitions: readonly SettingDefinition[] = [
  { name: 'HeartbeatInterval', component: 'OCPPCommCtrlr', variable: 'HeartbeatInterval', readonly: false, kind: 'integer' },
  { name: 'MeterValueSampleInterval', component: 'SampledDataCtrlr', variable: 'TxUpdatedInterval', readonly: false, kind: 'integer' },
  { name: 'NumberOfConnectors', readonly: true, kind: 'integer' },
  { name: 'AuthorizeRemoteTxRequests', component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', readonly: false, kind: 'boolean' },
  { name: 'MeterValuesSampledData', component: 'SampledDataCtrlr', variable: 'TxUpdatedMeasurands', readonly: false, kind: 'string' },
  { name: 'ConnectionTimeOut', component: 'TxCtrlr', variable: 'EVConnectionTimeOut', readonly: false, kind: 'integer' },
  { name: 'LocalAuthListEnabled', component: 'LocalAuthListCtrlr', variable: 'Enabled', readonly: false, kind: 'boolean' },
  { name: 'SendLocalListMaxLength', component: 'LocalAuthListCtrlr', variable: 'ItemsPerMessage', readonly: true, kind: 'integer' },
  { name: 'LocalAuthListMaxLength', readonly: true, kind: 'integer' },
  { name: 'LocalAuthListBytesPerMessage', component: 'LocalAuthListCtrlr', variable: 'BytesPerMessage', readonly: true, kind: 'integer', only201: true },
  { name: 'ChargeProfileMaxStackLevel', component: 'SmartChargingCtrlr', variable: 'ProfileStackLevel', readonly: true, kind: 'integer' },
  { name: 'ChargingScheduleAllowedChargingRateUnit', component: 'SmartChargingCtrlr', variable: 'RateUnit', readonly: true, kind: 'string' },
  { name: 'ChargingScheduleMaxPeriods', component: 'SmartChargingCtrlr', variable: 'PeriodsPerSchedule', readonly: true, kind: 'integer' },
  { name: 'MaxChargingProfilesInstalled', component: 'SmartChargingCtrlr', variable: 'Entries', readonly: true, kind: 'integer' },
  { name: 'SupportedFeatureProfiles', readonly: true, kind: 'string' },
  { name: 'SecurityProfile', component: 'SecurityCtrlr', variable: 'SecurityProfile', readonly: false, kind: 'integer' },
  { name: 'CpoName', component: 'SecurityCtrlr', variable: 'OrganizationName', readonly: false, kind: 'string' },
  { name: 'ConnectorSwitch3to1PhaseSupported', component: 'SmartChargingCtrlr', variable: 'Phases3to1', readonly: true, kind: 'boolean' },
  { name: 'SmartChargingEnabled', component: 'SmartChargingCtrlr', variable: 'Enabled', readonly: true, kind: 'boolean', only201: true },
  { name: 'ACPhaseSwitchingSupported', component: 'SmartChargingCtrlr', variable: 'ACPhaseSwitchingSupported', readonly: true, kind: 'boolean', only201: true },
  { name: 'SupplyPhases', component: 'ChargingStation', variable: 'SupplyPhases', readonly: true, kind: 'integer', only201: true },
  { name: 'NetworkConfigurationPriority', component: 'OCPPCommCtrlr', variable: 'NetworkConfigurationPriority', readonly: false, kind: 'slotList', only201: true },
];

/** The settings a 1.6 station has keys for. */
export const settings16: readonly SettingDefinition[] = settingDefinitions.filter((definition) => definition.only201 === undefined);

export enum SettingChange {
  Accepted = 'Accepted',
  /** The value does not fit the setting's kind. */
  Rejected = 'Rejected',
  ReadOnly = 'ReadOnly',
  Unknown = 'Unknown',
}

const valid: Readonly<Record<SettingDefinition['kind'], (value: string) => boolean>> = {
  integer: (value) => /^\d{1,9}$/.test(value),
  boolean: (value) => value === 'true' || value === 'false',
  string: () => true,
  slotList: (value) => parsePriority(value) !== undefined,
};

/**
 * The small key store behind 1.6 Get/ChangeConfiguration and 2.0.1 Get/SetVariables; both
 * versions read and write the same values. Listeners hear every accepted change.
 */
export class StationSettings {
  private readonly values = new Map<SettingName, string>();
  private readonly listeners: ((name: SettingName, value: string) => void)[] = [];

  constructor(initial: Readonly<Record<SettingName, string>>) {
    for (const definition of settingDefinitions) this.values.set(definition.name, initial[definition.name]);
  }

  /** A 1.6 configuration key. */
  byKey(key: string): SettingDefinition | undefined {
    return settings16.find((definition) => definition.name === key);
  }

  byVariable(component: string, variable: string): SettingDefinition | undefined {
    const same = (a: string | undefined, b: string): boolean => a?.toLowerCase() === b.toLowerCase();
    return settingDefinitions.find((definition) => same(definition.component, component) && same(definition.variable, variable));
  }

  all(): readonly SettingDefinition[] {
    return settingDefinitions;
  }

  value(name: SettingName): string {
    return this.values.get(name) ?? '';
  }

  integer(name: SettingName): number {
    return Number.parseInt(this.value(name), 10);
  }

  /** Sets the setting `definition` (as found by `byKey`/`byVariable`) to `value`. */
  change(definition: SettingDefinition | undefined, value: string): SettingChange {
    if (definition === undefined) return SettingChange.Unknown;
    if (definition.readonly) return SettingChange.ReadOnly;
    if (!valid[definition.kind](value)) return SettingChange.Rejected;
    this.values.set(definition.name, value);
    for (const listener of this.listeners) listener(definition.name, value);
    return SettingChange.Accepted;
  }

  onChange(listener: (name: SettingName, value: string) => void): void {
    this.listeners.push(listener);
  }
}
