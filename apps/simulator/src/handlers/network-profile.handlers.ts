import type { Ocpp201 } from '@app/ocpp';
import { type SecurityProfile, socketTargetOf } from '../connection/connection-settings';
import type { HandlerTable } from './handler-table';
import type { StationControl } from './station-control';

const isSecurityProfile = (value: number): value is SecurityProfile => value === 0 || value === 1 || value === 2 || value === 3;

/**
 * B09 SetNetworkProfile: the connection data goes into its slot when the station could use it
 * (OCPP 2.0.1 over JSON, a URL whose scheme fits the profile, the credentials that profile
 * needs); NetworkConfigurationPriority (SetVariables) decides whether and when it is used.
 */
function setNetworkProfile(request: Ocpp201.SetNetworkProfileRequest, station: StationControl): Ocpp201.SetNetworkProfileResponse {
  const data = request.connectionData;
  if (data.ocppVersion !== 'OCPP20' || data.ocppTransport !== 'JSON' || !isSecurityProfile(data.securityProfile)) return { status: 'Rejected' };
  const usable = socketTargetOf(station.stationId, '2.0.1', { ...station.connectionSettingsFor({ url: data.ocppCsmsUrl, securityProfile: data.securityProfile }) });
  if (!usable.ok) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidConfSlot', additionalInfo: usable.problem.message.slice(0, 512) } };
  return { status: station.networkProfiles.store(request.configurationSlot, { url: data.ocppCsmsUrl, securityProfile: data.securityProfile }) };
}

export const networkProfile201: HandlerTable<'2.0.1'> = {
  SetNetworkProfile: (request, station) => setNetworkProfile(request, station),
};
