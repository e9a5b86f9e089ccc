import type { Ocpp201 } from '@app/ocpp';
import { SettingChange, type SettingDefinition, type StationSettings, settingDefinitions } from '../provisioning/station-settings';

// A 2.0.1 station's device model: the station settings that have a component/variable (read and
// written through StationSettings, so GetVariables/SetVariables and reports agree) and further
// variables of the station, its controllers, every EVSE and connector, with characteristics.

type DataType = Ocpp201.DataEnumType;
type Mutability = Ocpp201.MutabilityEnumType;
export type SetOutcome = 'Accepted' | 'Rejected' | 'RebootRequired';

export interface ModelVariable {
  readonly component: Ocpp201.ComponentType;
  readonly variable: Ocpp201.VariableType;
  readonly mutability: Mutability;
  readonly characteristics: Ocpp201.VariableCharacteristicsType;
  /** The setting behind it, when it is one of the station settings. */
  readonly setting?: SettingDefinition;
  /** A MaxSet attribute besides Actual (e.g. an EVSE's rated power). */
  readonly maxSet?: string;
  /** Applies after a reboot: a set is answered RebootRequired. */
  readonly rebootRequired?: true;
}

interface Extra {
  component: Ocpp201.ComponentType;
  variable: Ocpp201.VariableType;
  value: string;
  mutability: Mutability;
  dataType: DataType;
  unit?: string;
  minLimit?: number;
  maxLimit?: number;
  valuesList?: string;
  maxSet?: string;
  rebootRequired?: true;
}

const dataTypeOfKind: Readonly<Record<SettingDefinition['kind'], DataType>> = { integer: 'integer', boolean: 'boolean', string: 'string', slotList: 'SequenceList' };

const AVAILABILITY = 'Available,Occupied,Reserved,Unavailable,Faulted';
const RATED_POWER_W = 22_000;

function stationExtras(): Extra[] {
  const ro = (component: string, variable: string, value: string, dataType: DataType, more: Partial<Extra> = {}): Extra => ({
    component: { name: component },
    variable: { name: variable },
    value,
    mutability: 'ReadOnly',
    dataType,
    ...more,
  });
  const rw = (component: string, variable: string, value: string, dataType: DataType, more: Partial<Extra> = {}): Extra => ({ ...ro(component, variable, value, dataType, more), mutability: 'ReadWrite' });
  return [
    ro('ChargingStation', 'Available', 'true', 'boolean'),
    ro('ChargingStation', 'AvailabilityState', 'Available', 'OptionList', { valuesList: AVAILABILITY }),
    ro('DeviceDataCtrlr', 'ItemsPerMessage', '10', 'integer', { variable: { name: 'ItemsPerMessage', instance: 'GetReport' } }),
    ro('DeviceDataCtrlr', 'ItemsPerMessage', '20', 'integer', { variable: { name: 'ItemsPerMessage', instance: 'GetVariables' } }),
    ro('DeviceDataCtrlr', 'BytesPerMessage', '8000', 'integer', { variable: { name: 'BytesPerMessage', instance: 'GetReport' } }),
    rw('OCPPCommCtrlr', 'MessageTimeout', '30', 'integer', { variable: { name: 'MessageTimeout', instance: 'Default' }, unit: 's', minLimit: 1, maxLimit: 600 }),
    rw('OCPPCommCtrlr', 'WebSocketPingInterval', '60', 'integer', { unit: 's', minLimit: 0, maxLimit: 3600, rebootRequired: true }),
    rw('OCPPCommCtrlr', 'RetryBackOffRepeatTimes', '3', 'integer', { minLimit: 0, maxLimit: 10 }),
    rw('TxCtrlr', 'TxStartPoint', 'PowerPathClosed', 'MemberList', { valuesList: 'ParkingBayOccupancy,EVConnected,Authorized,PowerPathClosed,EnergyTransfer,DataSigned' }),
    rw('TxCtrlr', 'TxStopPoint', 'EVConnected,Authorized', 'MemberList', { valuesList: 'ParkingBayOccupancy,EVConnected,Authorized,PowerPathClosed,EnergyTransfer' }),
    rw('TxCtrlr', 'StopTxOnInvalidId', 'true', 'boolean'),
    rw('AuthCtrlr', 'Enabled', 'true', 'boolean'),
    rw('AuthCtrlr', 'LocalAuthorizeOffline', 'true', 'boolean'),
    rw('ClockCtrlr', 'TimeSource', 'Heartbeat', 'SequenceList', { valuesList: 'Heartbeat,NTP,GPS,RealTimeClock,MobileNetwork,RadioTimeTransmitter' }),
    rw('SampledDataCtrlr', 'TxEndedMeasurands', 'Energy.Active.Import.Register', 'MemberList', { valuesList: 'Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage' }),
    { ...rw('SecurityCtrlr', 'BasicAuthPassword', '', 'string', { maxLimit: 40 }), mutability: 'WriteOnly' },
  ];
}

function evseExtras(evseId: number): Extra[] {
  const evse = (name: string, value: string, dataType: DataType, more: Partial<Extra> = {}): Extra => ({
    component: { name: 'EVSE', evse: { id: evseId } },
    variable: { name },
    value,
    mutability: 'ReadOnly',
    dataType,
    ...more,
  });
  const connector = (name: string, value: string, dataType: DataType, more: Partial<Extra> = {}): Extra => ({
    component: { name: 'Connector', evse: { id: evseId, connectorId: 1 } },
    variable: { name },
    value,
    mutability: 'ReadOnly',
    dataType,
    ...more,
  });
  return [
    evse('Available', 'true', 'boolean'),
    evse('AvailabilityState', 'Available', 'OptionList', { valuesList: AVAILABILITY }),
    evse('Power', '0', 'decimal', { unit: 'W', minLimit: 0, maxLimit: RATED_POWER_W, maxSet: String(RATED_POWER_W) }),
    evse('SupplyPhases', '3', 'integer', { minLimit: 0, maxLimit: 3 }),
    connector('ConnectorType', 'cType2', 'string'),
    connector('AvailabilityState', 'Available', 'OptionList', { valuesList: AVAILABILITY }),
    connector('SupplyPhases', '3', 'integer', { minLimit: 0, maxLimit: 3 }),
  ];
}

function valid(dataType: DataType, value: string, characteristics: Ocpp201.VariableCharacteristicsType): boolean {
  const members = characteristics.valuesList?.split(',') ?? [];
  switch (dataType) {
    case 'integer':
    case 'decimal': {
      const number = Number(value);
      const wellFormed = dataType === 'integer' ? /^-?\d{1,9}$/.test(value) : value.trim() !== '' && Number.isFinite(number);
      return wellFormed && (characteristics.minLimit === undefined || number >= characteristics.minLimit) && (characteristics.maxLimit === undefined || number <= characteristics.maxLimit);
    }
    case 'boolean':
      return value === 'true' || value === 'false';
    case 'OptionList':
      return members.includes(value);
    case 'MemberList':
    case 'SequenceList':
      return value.split(',').every((member) => members.includes(member));
    default:
      return characteristics.maxLimit === undefined || value.length <= characteristics.maxLimit;
  }
}

const same = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** The device model of one simulated 2.0.1 station; extra variables keep their values here. */
export class SimulatedDeviceModel {
  readonly variables: readonly ModelVariable[];
  private readonly values = new Map<ModelVariable, string>();

  constructor(
    private readonly settings: StationSettings,
    evseCount: number,
  ) {
    const fromSettings = settingDefinitions.flatMap((definition): ModelVariable[] =>
      definition.component === undefined || definition.variable === undefined
        ? []
        : [
            {
              component: { name: definition.component },
              variable: { name: definition.variable },
              mutability: definition.readonly ? 'ReadOnly' : 'ReadWrite',
              characteristics: { dataType: dataTypeOfKind[definition.kind], supportsMonitoring: false },
              setting: definition,
            },
          ],
    );
    const extras = [...stationExtras(), ...Array.from({ length: evseCount }, (_, index) => evseExtras(index + 1)).flat()];
    const fromExtras = extras.map((extra): ModelVariable => {
      const variable: ModelVariable = {
        component: extra.component,
        variable: extra.variable,
        mutability: extra.mutability,
        characteristics: {
          dataType: extra.dataType,
          supportsMonitoring: extra.mutability !== 'WriteOnly',
          ...(extra.unit === undefined ? {} : { unit: extra.unit }),
          ...(extra.minLimit === undefined ? {} : { minLimit: extra.minLimit }),
          ...(extra.maxLimit === undefined ? {} : { maxLimit: extra.maxLimit }),
          ...(extra.valuesList === undefined ? {} : { valuesList: extra.valuesList }),
        },
        ...(extra.maxSet === undefined ? {} : { maxSet: extra.maxSet }),
        ...(extra.rebootRequired === undefined ? {} : { rebootRequired: extra.rebootRequired }),
      };
      this.values.set(variable, extra.value);
      return variable;
    });
    this.variables = [...fromSettings, ...fromExtras];
  }

  /** The variable at this address (names case-insensitive; EVSE and connector must match). */
  find(component: Ocpp201.ComponentType, variable: Ocpp201.VariableType): ModelVariable | undefined {
    return this.variables.find(
      (candidate) =>
        same(candidate.component.name, component.name) &&
        same(candidate.component.instance, component.instance) &&
        candidate.component.evse?.id === component.evse?.id &&
        candidate.component.evse?.connectorId === component.evse?.connectorId &&
        same(candidate.variable.name, variable.name) &&
        same(candidate.variable.instance, variable.instance),
    );
  }

  /** Whether any variable has a component of this name. */
  knowsComponent(name: string): boolean {
    return this.variables.some((candidate) => same(candidate.component.name, name));
  }

  /** The Actual value; a WriteOnly variable has none to give. */
  actual(variable: ModelVariable): string | undefined {
    if (variable.mutability === 'WriteOnly') return undefined;
    return variable.setting === undefined ? this.values.get(variable) : this.settings.value(variable.setting.name);
  }

  set(variable: ModelVariable, value: string): SetOutcome {
    if (variable.setting !== undefined) return this.settings.change(variable.setting, value) === SettingChange.Accepted ? 'Accepted' : 'Rejected';
    if (variable.mutability === 'ReadOnly' || !valid(variable.characteristics.dataType, value, variable.characteristics)) return 'Rejected';
    this.values.set(variable, value);
    return variable.rebootRequired ? 'RebootRequired' : 'Accepted';
  }
}

const models = new WeakMap<StationSettings, SimulatedDeviceModel>();

/** The device model of the station these settings belong to (one per station, made on first use). */
export function deviceModelOf(settings: StationSettings, evseCount: number): SimulatedDeviceModel {
  let model = models.get(settings);
  if (model === undefined) {
    model = new SimulatedDeviceModel(settings, evseCount);
    models.set(settings, model);
  }
  return model;
}
