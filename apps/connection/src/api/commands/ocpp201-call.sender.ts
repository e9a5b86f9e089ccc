import { OcppVersion } from '@app/contracts';
import type { ApiPrincipal } from '@app/runtime';
import { PresenceDirectory } from '@app/station-commands';
import { Injectable } from '@nestjs/common';
import { type ApiResult, OperatorApiErrorCode, failed } from '../operator-api.error';
import type { CommandAnswer } from './command-answer';
import { DEFAULT_TIMEOUT_SECONDS } from './command-spec';
import { StationCommandsService } from './station-commands.service';

/**
 * Sends an action only OCPP 2.0.1 has (display messages, customer information, firmware
 * publishing, monitoring) as a raw call, for the operator API's feature endpoints. A station
 * connected over another version is refused before anything is stored or sent, with a message
 * that says so.
 */
@Injectable()
export class Ocpp201CallSender {
  constructor(
    private readonly commands: StationCommandsService,
    private readonly presence: PresenceDirectory,
  ) {}

  /** Undefined when the station may be sent the feature's calls; else why not. */
  refusal<T>(stationId: string, feature: string): ApiResult<T> | undefined {
    const location = this.presence.locate(stationId);
    if (!location?.connected || location.protocol === OcppVersion.OCPP_VERSION_2_0_1) return undefined;
    const version = location.protocol === OcppVersion.OCPP_VERSION_1_6 ? 'OCPP 1.6' : 'another OCPP version';
    return failed(OperatorApiErrorCode.commandNotExpressible, `${feature}: OCPP 2.0.1 only; station ${stationId} is connected over ${version}`);
  }

  async send(stationId: string, action: string, payload: object, actor: ApiPrincipal | undefined, timeoutSeconds = DEFAULT_TIMEOUT_SECONDS): Promise<ApiResult<CommandAnswer>> {
    return this.commands.send(stationId, { name: 'raw', body: { case: 'rawCall', value: { action, payloadJson: JSON.stringify(payload) } }, timeoutMs: timeoutSeconds * 1000 }, actor);
  }
}
