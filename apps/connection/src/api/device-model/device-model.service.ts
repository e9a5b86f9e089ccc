import { ROOT_LOGGER } from '@app/observability';
import { type ApiPrincipal, DEFAULT_PAGE_SIZE, type Page, grants, pageOf } from '@app/runtime';
import { type CommandOutcome, PresenceDirectory, StationCommandClient } from '@app/station-commands';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { answerOf } from '../commands/command-answer';
import { DeviceModelUpdater, addressOfKey, configurationKeyOf, deviceModelUpdateOfAnswer, needsAdminToSet } from '../device-model.port';
import { OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { StationReadRepository } from '../stations/station-read.repository';
import { DeviceModelApiErrorCode, type DeviceModelResult, refused } from './device-model-api.error';
import { DeviceModelReadRepository } from './device-model-read.repository';
import type { DeviceModelItem, DeviceModelQuery, SetVariablesAnswer, SetVariablesBody } from './device-model.schemas';
import { deviceModelItemOf } from './device-model.view';
import { connectedVersion } from './station-version';

type SetResult = SetVariablesAnswer['results'][number];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The per-key results of a neutral set_configuration answer. */
function settingResults(outcome: CommandOutcome): SetResult[] {
  const settings = Array.isArray(outcome.result?.settings) ? outcome.result.settings.filter(isObject) : [];
  return settings.map((setting) => ({
    key: String(setting.key ?? ''),
    status: String(setting.stationStatus ?? setting.status ?? ''),
    statusInfo: isObject(setting.statusInfo) ? setting.statusInfo : null,
    commandId: outcome.commandId,
  }));
}

/**
 * Browse a station's device model, and set variables with the station's answer per variable:
 * 2.0.1 one SetVariables, 1.6 one ChangeConfiguration per key (in order). The answers also update
 * the store here, so the model reads back the new values at once (the replica that ran the
 * command writes the same, idempotently).
 */
@Injectable()
export class DeviceModelService {
  private readonly logger: Logger;

  constructor(
    private readonly reads: DeviceModelReadRepository,
    private readonly stations: StationReadRepository,
    private readonly presence: PresenceDirectory,
    private readonly client: StationCommandClient,
    private readonly updater: DeviceModelUpdater,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'device-model-api' });
  }

  async list(stationId: string, query: DeviceModelQuery): Promise<DeviceModelResult<Page<DeviceModelItem>>> {
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.reads.list({
      stationId,
      component: query.component,
      variable: query.variable,
      evseId: query.evseId,
      connectorId: query.connectorId,
      attributeType: query.attributeType,
      mutability: query.mutability,
      text: query.q,
      after: query.cursor,
      limit: limit + 1,
    });
    return succeeded(pageOf(rows, limit, deviceModelItemOf, (row) => [row.variable_key, row.attribute_type]));
  }

  async setVariables(stationId: string, body: SetVariablesBody, actor: ApiPrincipal | undefined): Promise<DeviceModelResult<SetVariablesAnswer>> {
    const version = await connectedVersion(stationId, this.presence, this.stations);
    if (!version.ok) return version;
    const keys = body.variables.map((variable) => (version.value === '1.6' ? configurationKeyOf(variable.key) : variable.key));
    for (const key of keys) {
      const address = version.value === '1.6' ? undefined : addressOfKey(key);
      const name = version.value === '1.6' ? key : address?.variable.name;
      if (name === undefined) return refused(DeviceModelApiErrorCode.invalidVariableName, `"${key}" is not an OCPP 2.0.1 variable name (Component[.instance][@evseId[.connectorId]]/Variable[.instance])`);
      if (needsAdminToSet(address?.component.name, name) && !grants(actor?.roles ?? [], 'admin')) {
        return refused(DeviceModelApiErrorCode.credentialNeedsAdmin, `${key} sets the station's credentials, security or network profile: only an admin may set it`);
      }
    }
    const settings = keys.map((key, index) => ({ key, value: body.variables[index]?.value ?? '' }));
    return version.value === '1.6' ? this.changeConfiguration(stationId, settings, actor) : this.setVariables201(stationId, settings, actor);
  }

  private async setVariables201(stationId: string, settings: { key: string; value: string }[], actor: ApiPrincipal | undefined): Promise<DeviceModelResult<SetVariablesAnswer>> {
    const outcome = await this.send(stationId, settings, actor);
    const answered = answerOf(outcome);
    if (!answered.ok) return answered;
    await this.learn(stationId, 'SetVariables', settings, outcome);
    return succeeded({ results: settingResults(outcome) });
  }

  /** 1.6 sets one key per call; after a key without an answer (NoAnswer), the rest are not sent (NotSent). */
  private async changeConfiguration(stationId: string, settings: { key: string; value: string }[], actor: ApiPrincipal | undefined): Promise<DeviceModelResult<SetVariablesAnswer>> {
    const results: SetResult[] = [];
    for (const setting of settings) {
      if (results.length > 0 && results[results.length - 1]?.commandId === null) {
        results.push({ key: setting.key, status: 'NotSent', statusInfo: null, commandId: null });
        continue;
      }
      const outcome = await this.send(stationId, [setting], actor);
      const answered = answerOf(outcome);
      if (!answered.ok) {
        if (results.length === 0) return answered;
        // It may or may not have reached the station: the model is left as it was.
        results.push({ key: setting.key, status: 'NoAnswer', statusInfo: { reason: answered.error.message }, commandId: null });
        continue;
      }
      await this.learn(stationId, 'ChangeConfiguration', [setting], outcome);
      results.push(...settingResults(outcome));
    }
    return succeeded({ results });
  }

  private send(stationId: string, settings: { key: string; value: string }[], actor: ApiPrincipal | undefined): Promise<CommandOutcome> {
    return this.client.send(stationId, { case: 'setConfiguration', value: { settings } }, { actor: actor?.name });
  }

  private async learn(stationId: string, action: string, settings: { key: string; value: string }[], outcome: CommandOutcome): Promise<void> {
    const update = deviceModelUpdateOfAnswer(action, { settings }, outcome.result ?? {});
    if (update === undefined) return;
    try {
      await this.updater.apply(stationId, update);
    } catch (error) {
      // The station did set it; the replica that ran the command stores it too.
      this.logger.error({ err: error, stationId, commandId: outcome.commandId }, 'could not store a set variable answer');
    }
  }
}
