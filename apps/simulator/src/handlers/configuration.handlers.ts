import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import type { LocalListChange, LocalListUpdate } from '../authorization/local-auth-list';
import { parsePriority } from '../connection/network-profiles';
import { type ModelVariable, deviceModelOf } from '../device-model/simulated-device-model';
import { SettingChange, type SettingDefinition, settingDefinitions, settings16 } from '../provisioning/station-settings';
import type { HandlerTable } from './handler-table';
import type { StationControl } from './station-control';

const changeStatus16: Readonly<Record<SettingChange, Ocpp16.ChangeConfigurationResponse['status']>> = {
  [SettingChange.Accepted]: 'Accepted',
  [SettingChange.Rejected]: 'Rejected',
  [SettingChange.ReadOnly]: 'Rejected',
  [SettingChange.Unknown]: 'NotSupported',
};

function getConfiguration(station: StationControl, keys: readonly string[] | undefined): Ocpp16.GetConfigurationResponse {
  const wanted = keys === undefined || keys.length === 0 ? settings16.map((definition) => definition.name) : keys;
  const known = wanted.map((key) => station.settings.byKey(key)).filter((definition): definition is SettingDefinition => definition !== undefined);
  const unknownKey = wanted.filter((key) => station.settings.byKey(key) === undefined);
  const configurationKey = known.map((definition) => ({ key: definition.name, readonly: definition.readonly, value: station.settings.value(definition.name) }));
  return unknownKey.length === 0 ? { configurationKey } : { configurationKey, unknownKey };
}

type Addressed = { component: Ocpp201.ComponentType; variable: Ocpp201.VariableType; attributeType?: Ocpp201.AttributeEnumType };

type Lookup = { found: SettingDefinition } | { modelled: ModelVariable } | { status: 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType' };

/** A station setting first (both versions share them), else a further variable of the station's device model. */
function lookup(station: StationControl, data: Addressed): Lookup {
  const found = data.component.evse === undefined ? station.settings.byVariable(data.component.name, data.variable.name) : undefined;
  const model = deviceModelOf(station.settings, station.evseCount);
  const modelled = found === undefined ? model.find(data.component, data.variable) : undefined;
  if (data.attributeType !== undefined && data.attributeType !== 'Actual' && (found ?? modelled) !== undefined) return { status: 'NotSupportedAttributeType' };
  if (found !== undefined) return { found };
  if (modelled !== undefined) return { modelled };
  const componentKnown = settingDefinitions.some((definition) => definition.component?.toLowerCase() === data.component.name.toLowerCase()) || model.knowsComponent(data.component.name);
  return { status: componentKnown ? 'UnknownVariable' : 'UnknownComponent' };
}

function addressOf(data: Addressed): Addressed {
  const address: Addressed = { component: data.component, variable: data.variable };
  return data.attributeType === undefined ? address : { ...address, attributeType: data.attributeType };
}

function getVariable(station: StationControl, data: Ocpp201.GetVariableDataType): Ocpp201.GetVariableResultType {
  const result = lookup(station, data);
  if ('status' in result) return { ...addressOf(data), attributeStatus: result.status };
  if ('modelled' in result) {
    const value = deviceModelOf(station.settings, station.evseCount).actual(result.modelled);
    // B06: a WriteOnly variable is never read back.
    return value === undefined ? { ...addressOf(data), attributeStatus: 'Rejected' } : { ...addressOf(data), attributeStatus: 'Accepted', attributeValue: value };
  }
  return { ...addressOf(data), attributeStatus: 'Accepted', attributeValue: station.settings.value(result.found.name) };
}

/** SecurityCtrlr.BasicAuthPassword: the password the station connects with from its next connection on (A01). */
const isBasicAuthPassword = (variable: ModelVariable): boolean => same(variable.component.name, 'SecurityCtrlr') && same(variable.variable.name, 'BasicAuthPassword');
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function setVariable(station: StationControl, data: Ocpp201.SetVariableDataType): Ocpp201.SetVariableResultType {
  const result = lookup(station, data);
  if ('status' in result) return { ...addressOf(data), attributeStatus: result.status };
  if ('modelled' in result && isBasicAuthPassword(result.modelled)) {
    return { ...addressOf(data), attributeStatus: station.basicAuthPassword.setPasswordString(data.attributeValue) ? 'Accepted' : 'Rejected' };
  }
  if ('modelled' in result) return { ...addressOf(data), attributeStatus: deviceModelOf(station.settings, station.evseCount).set(result.modelled, data.attributeValue) };
  const priority = result.found.name === 'NetworkConfigurationPriority' ? parsePriority(data.attributeValue) : undefined;
  // B10: a priority naming a slot without a network profile would leave the station nowhere to go.
  if (priority !== undefined && !station.networkProfiles.knows(priority)) return { ...addressOf(data), attributeStatus: 'Rejected' };
  const change = station.settings.change(result.found, data.attributeValue);
  return { ...addressOf(data), attributeStatus: change === SettingChange.Accepted ? 'Accepted' : 'Rejected' };
}

/**
 * 1.6 security whitepaper: the SecurityProfile is only ever raised, and only to a profile the
 * station can connect on: TLS needs an installed CentralSystemRootCertificate, profile 3 a
 * client certificate.
 */
function securityProfileAllowed(station: StationControl, value: string): boolean {
  const wanted = Number(value);
  if (!/^[0-3]$/.test(value) || wanted < station.settings.integer('SecurityProfile')) return false;
  if (wanted >= 2 && station.certificates.list(['CentralSystemRootCertificate']).length === 0) return false;
  return wanted < 3 || station.certificates.clientIdentity() !== undefined;
}

function listChange(idToken: string, status: string | undefined, expiresAt: string | undefined): LocalListChange {
  return { idToken, ...(status === undefined ? {} : { status }), ...(expiresAt === undefined ? {} : { expiresAt }) };
}

function localListUpdate16(request: Ocpp16.SendLocalListRequest): LocalListUpdate {
  const changes = (request.localAuthorizationList ?? []).map((entry) => listChange(entry.idTag, entry.idTagInfo?.status, entry.idTagInfo?.expiryDate));
  return { version: request.listVersion, full: request.updateType === 'Full', changes };
}

function localListUpdate201(request: Ocpp201.SendLocalListRequest): LocalListUpdate {
  const changes = (request.localAuthorizationList ?? []).map((entry) => listChange(entry.idToken.idToken, entry.idTokenInfo?.status, entry.idTokenInfo?.cacheExpiryDateTime));
  return { version: request.versionNumber, full: request.updateType === 'Full', changes };
}

/** Configuration keys (1.6) and device-model variables (2.0.1) over one settings store; local list and cache. */
export const configuration16: HandlerTable<'1.6'> = {
  GetConfiguration: (request, station) => getConfiguration(station, request.key),
  ChangeConfiguration: (request, station) => {
    if (request.key === 'SecurityProfile' && !securityProfileAllowed(station, request.value)) return { status: 'Rejected' };
    // 1.6 security whitepaper: the password's bytes in hexadecimal; write-only, so GetConfiguration does not list it.
    if (request.key === 'AuthorizationKey') return { status: station.basicAuthPassword.setAuthorizationKey(request.value) ? 'Accepted' : 'Rejected' };
    return { status: changeStatus16[station.settings.change(station.settings.byKey(request.key), request.value)] };
  },
  ClearCache: () => ({ status: 'Accepted' }),
  GetLocalListVersion: (_request, station) => ({ listVersion: station.localList.version }),
  SendLocalList: (request, station) => ({ status: station.localList.apply(localListUpdate16(request)) }),
};

export const configuration201: HandlerTable<'2.0.1'> = {
  GetVariables: (request, station) => {
    const [first, ...rest] = request.getVariableData;
    return { getVariableResult: [getVariable(station, first), ...rest.map((data) => getVariable(station, data))] };
  },
  SetVariables: (request, station) => {
    const [first, ...rest] = request.setVariableData;
    return { setVariableResult: [setVariable(station, first), ...rest.map((data) => setVariable(station, data))] };
  },
  ClearCache: () => ({ status: 'Accepted' }),
  GetLocalListVersion: (_request, station) => ({ versionNumber: station.localList.version }),
  SendLocalList: (request, station) => ({ status: station.localList.apply(localListUpdate201(request)) }),
};
