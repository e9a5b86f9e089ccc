import { DropCause, OcppVersion } from '@app/contracts';
import { ROOT_LOGGER } from '@app/observability';
import type { ApiPrincipal } from '@app/runtime';
import { PresenceDirectory } from '@app/station-commands';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { z } from 'zod';
import { DEFAULT_TIMEOUT_SECONDS } from '../commands/command-spec';
import { StationCommandsService } from '../commands/station-commands.service';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { type StationPasswordForm, authorizationKeyOf, generateStationPassword } from '../station-core.port';
import { StationConnectionDrops } from './station-connection-drops';
import { StationReadRepository } from './station-read.repository';
import { StationRegistrationRepository } from './station-registration.repository';

export const passwordRotationSchema = z.object({
  commandId: z.string().meta({ description: 'Id of the SetVariables / ChangeConfiguration command (see the command history).' }),
  rotated: z.boolean().meta({ description: 'Whether the station took the new password and the CSMS now expects it. false: the station refused; its password is unchanged.' }),
  result: z.record(z.string(), z.unknown()).meta({ description: 'The station’s answer to the setting, version-neutral (the password itself blanked).' }),
});
export type PasswordRotationView = z.output<typeof passwordRotationSchema>;

/** The setting that gives a station its Basic-auth password: 2.0.1 SecurityCtrlr.BasicAuthPassword, 1.6 AuthorizationKey (hexadecimal bytes). */
function passwordSetting(form: StationPasswordForm, password: string): { key: string; value: string } {
  return form === 'ocpp1.6' ? { key: 'AuthorizationKey', value: authorizationKeyOf(password) } : { key: 'SecurityCtrlr/BasicAuthPassword', value: password };
}

/**
 * Gives a connected station a new Basic-auth password the CSMS generates (ADR 032): sends it as
 * the setting its version has, and stores its hash only when the station answers Accepted (or
 * RebootRequired: the value is set), so a station that refuses keeps connecting with the old one;
 * a station that took it is then disconnected, to come back with it. The password goes to the
 * station only; nobody else ever sees it.
 */
@Injectable()
export class StationPasswordRotation {
  private readonly logger: Logger;

  constructor(
    private readonly commands: StationCommandsService,
    private readonly presence: PresenceDirectory,
    private readonly stations: StationReadRepository,
    private readonly registrations: StationRegistrationRepository,
    private readonly drops: StationConnectionDrops,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'station-password-rotation' });
  }

  async rotate(stationId: string, actor: ApiPrincipal | undefined): Promise<ApiResult<PasswordRotationView>> {
    const location = this.presence.locate(stationId);
    if (!location?.connected) {
      return (await this.stations.exists(stationId))
        ? failed(OperatorApiErrorCode.stationNotConnected, `station ${stationId} is not connected: a new password can only be given to a connected station`)
        : failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    }
    const form: StationPasswordForm = location.protocol === OcppVersion.OCPP_VERSION_1_6 ? 'ocpp1.6' : 'ocpp2.0.1';
    const generated = generateStationPassword(form);
    const body = { case: 'setConfiguration' as const, value: { settings: [passwordSetting(form, generated.password)] } };
    const answer = await this.commands.send(stationId, { name: 'set-configuration', body, timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000 }, actor);
    if (!answer.ok) return answer;
    const { commandId, status, result } = answer.value;
    if (status !== 'accepted') return succeeded({ commandId, rotated: false, result });
    if (!(await this.storeHash(stationId, generated.passwordHash, commandId))) {
      this.logger.error({ stationId, commandId }, 'the station took a new password but was unregistered meanwhile');
      return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} was unregistered while its password was being rotated`, { commandId });
    }
    this.logger.info({ actor: actor?.name, stationId, commandId, form }, 'station password rotated');
    // The connection was authenticated with the old password: the station comes back with the new one (ADR 039).
    await this.drops.drop(stationId, { cause: DropCause.CREDENTIALS_CHANGED, keepFromProfile: 0 }, actor?.name);
    return succeeded({ commandId, rotated: true, result });
  }

  private async storeHash(stationId: string, passwordHash: string, commandId: string): Promise<boolean> {
    try {
      return await this.registrations.replacePasswordHash(stationId, passwordHash);
    } catch (error) {
      this.logger.error({ err: error, stationId, commandId }, 'the station took a new password whose hash could not be stored: it cannot reconnect until its password is set again');
      throw error;
    }
  }
}
