import { type ChargingCapabilities, ChargingCapabilitiesSchema, ChargingRateUnit, GetConfigurationSchema } from '@app/contracts';
import type { OcppVersion } from '@app/ocpp';
import { type MessageInitShape, create, toJson } from '@bufbuild/protobuf';
import type { CallMapping } from './call-mapping';
import type { CommandResponse } from './command-response';
import { getConfigurationCall } from './configuration.mapper';
import { getConfigurationResponse } from './configuration-response.mapper';
import { type JsonObject, objectsAt, stringAt } from './response-fields';

// GetChargingCapabilities: one GetConfiguration (1.6) or GetVariables (2.0.1) of the keys below,
// read back into the neutral ChargingCapabilities. What a station does not report stays unknown.

type Capability = 'smartCharging' | 'rateUnits' | 'maxStackLevel' | 'maxPeriods' | 'maxProfiles' | 'phases3to1' | 'phaseToUse' | 'supplyPhases';

/** Where each version keeps each capability; a capability a version has no key for is missing. */
export const capabilityKeys: Readonly<Record<OcppVersion, Partial<Record<Capability, string>>>> = {
  '1.6': {
    smartCharging: 'SupportedFeatureProfiles',
    rateUnits: 'ChargingScheduleAllowedChargingRateUnit',
    maxStackLevel: 'ChargeProfileMaxStackLevel',
    maxPeriods: 'ChargingScheduleMaxPeriods',
    maxProfiles: 'MaxChargingProfilesInstalled',
    phases3to1: 'ConnectorSwitch3to1PhaseSupported',
  },
  '2.0.1': {
    smartCharging: 'SmartChargingCtrlr/Enabled',
    rateUnits: 'SmartChargingCtrlr/RateUnit',
    maxStackLevel: 'SmartChargingCtrlr/ProfileStackLevel',
    maxPeriods: 'SmartChargingCtrlr/PeriodsPerSchedule',
    maxProfiles: 'SmartChargingCtrlr/Entries.ChargingProfiles',
    phases3to1: 'SmartChargingCtrlr/Phases3to1',
    phaseToUse: 'SmartChargingCtrlr/ACPhaseSwitchingSupported',
    supplyPhases: 'ChargingStation/SupplyPhases',
  },
};

export function getChargingCapabilitiesCall(version: OcppVersion): CallMapping {
  return getConfigurationCall(version, create(GetConfigurationSchema, { keys: Object.values(capabilityKeys[version]) }));
}

export type CapabilitiesInit = MessageInitShape<typeof ChargingCapabilitiesSchema>;

const unitsByName: Readonly<Record<string, ChargingRateUnit>> = {
  a: ChargingRateUnit.AMPERE,
  current: ChargingRateUnit.AMPERE,
  w: ChargingRateUnit.WATT,
  power: ChargingRateUnit.WATT,
};

/** 1.6 "Current,Power" or 2.0.1 "A,W"; unknown members are skipped. */
function rateUnitsOf(value: string | undefined): ChargingRateUnit[] {
  const members = (value ?? '').split(',').map((member) => member.trim().toLowerCase());
  const units = members.flatMap((member) => (Object.hasOwn(unitsByName, member) ? [unitsByName[member] as ChargingRateUnit] : []));
  return [...new Set(units)].sort((a, b) => a - b);
}

function integerOf(value: string | undefined): number | undefined {
  return value !== undefined && /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : undefined;
}

function booleanOf(value: string | undefined): boolean | undefined {
  const text = value?.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

/** 1.6 lists its feature profiles; 2.0.1 says Enabled outright. */
function smartChargingOf(version: OcppVersion, value: string | undefined): boolean | undefined {
  if (version === '2.0.1') return booleanOf(value);
  return value === undefined ? undefined : value.split(',').some((profile) => profile.trim().toLowerCase() === 'smartcharging');
}

/** The capabilities the reported settings (key → value) state. */
export function capabilitiesOf(version: OcppVersion, settings: ReadonlyMap<string, string>): CapabilitiesInit {
  const keys = capabilityKeys[version];
  const read = (capability: Capability): string | undefined => {
    const key = keys[capability];
    return key === undefined ? undefined : settings.get(key.toLowerCase());
  };
  return {
    smartChargingEnabled: smartChargingOf(version, read('smartCharging')),
    rateUnits: rateUnitsOf(read('rateUnits')),
    maxStackLevel: integerOf(read('maxStackLevel')),
    maxPeriodsPerSchedule: integerOf(read('maxPeriods')),
    maxProfilesInstalled: integerOf(read('maxProfiles')),
    supplyPhases: integerOf(read('supplyPhases')),
    phaseSwitching3to1: booleanOf(read('phases3to1')),
    // 1.6 schedules cannot name the phase to use, so a 1.6 station never takes one.
    phaseToUseSupported: version === '1.6' ? false : booleanOf(read('phaseToUse')),
  };
}

/** The reported values by key, lower-cased: 1.6 keys are compared without regard to case. */
function settingsOf(result: JsonObject): Map<string, string> {
  const entries = objectsAt(result, 'settings').flatMap((setting) => {
    const key = stringAt(setting, 'key');
    const value = stringAt(setting, 'value');
    return key === undefined || value === undefined ? [] : [[key.toLowerCase(), value] as const];
  });
  return new Map(entries);
}

/**
 * The answer as { status: 'Accepted', capabilities, unknownKeys }, `capabilities` being the proto
 * JSON of ChargingCapabilities, and the same capabilities as a `charging_capabilities` event:
 * they are a fact about the station every backend may want, whoever asked.
 */
export function chargingCapabilitiesResponse(version: OcppVersion, payload: JsonObject): CommandResponse {
  const answer = getConfigurationResponse(version, payload);
  const capabilities: ChargingCapabilities = create(ChargingCapabilitiesSchema, capabilitiesOf(version, settingsOf(answer.result)));
  return {
    accepted: answer.accepted,
    result: { status: answer.result['status'], capabilities: toJson(ChargingCapabilitiesSchema, capabilities), unknownKeys: answer.result['unknownKeys'] },
    event: { case: 'chargingCapabilities', value: capabilities },
  };
}
