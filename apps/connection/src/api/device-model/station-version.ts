import { OcppVersion } from '@app/contracts';
import type { PresenceDirectory } from '@app/station-commands';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import type { StationReadRepository } from '../stations/station-read.repository';

/**
 * The OCPP version a connected station speaks, from presence. The device model is one of the few
 * operator features that must say it differently per version (reports, configuration keys).
 */
export async function connectedVersion(stationId: string, presence: PresenceDirectory, stations: StationReadRepository): Promise<ApiResult<'1.6' | '2.0.1'>> {
  const location = presence.locate(stationId);
  if (location?.connected === true) {
    if (location.protocol === OcppVersion.OCPP_VERSION_1_6) return succeeded('1.6');
    if (location.protocol === OcppVersion.OCPP_VERSION_2_0_1) return succeeded('2.0.1');
  }
  if (!(await stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
  return failed(OperatorApiErrorCode.stationNotConnected, `station ${stationId} is not connected`);
}
