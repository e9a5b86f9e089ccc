import type { Ocpp201 } from '@app/ocpp';
import { Injectable } from '@nestjs/common';
import type { DeviceModelUpdate } from './command-result.updates';
import { CONFIGURATION_COMPONENT } from './configuration-key.mapping';
import { rowsToRemove } from './device-model.diff';
import { DeviceModelRepository } from './device-model.repository';
import { valuesOfEvents } from './notify-event.values';

/** Applies what command answers and NotifyEvent tell about a station's device model. */
@Injectable()
export class DeviceModelUpdater {
  constructor(private readonly model: DeviceModelRepository) {}

  /** In one transaction: a 1.6 full configuration replaces the configuration component; values, refusals, unknown variables. */
  async apply(stationId: string, update: DeviceModelUpdate): Promise<void> {
    const source = update.refused.length > 0 || update.values.some((value) => value.setStatus) ? 'set' : 'get';
    // Values alone (the usual GetVariables answer, e.g. the capabilities asked after every boot) are
    // one statement: no transaction around it, which would cost two more round trips per boot.
    if (update.configuration === undefined && update.removed.length === 0 && update.refused.length === 0) {
      await this.model.writeValues(this.model.dataSource, stationId, update.values, source);
      return;
    }
    await this.model.dataSource.transaction(async (manager) => {
      if (update.configuration !== undefined) {
        const stored = await this.model.storedKeys(manager, stationId, CONFIGURATION_COMPONENT);
        await this.model.removeRows(manager, stationId, rowsToRemove(stored, update.configuration));
        await this.model.writeVariables(manager, stationId, update.configuration, 'configuration');
      }
      await this.model.removeVariables(manager, stationId, update.removed);
      await this.model.writeValues(manager, stationId, update.values, source);
      await this.model.markRefused(manager, stationId, update.refused);
    });
  }

  /** NotifyEvent's actual values; stored before the NotifyEvent is answered (a failure withholds the answer). */
  async applyEvents(stationId: string, request: Ocpp201.NotifyEventRequest): Promise<void> {
    await this.model.writeValues(this.model.dataSource, stationId, valuesOfEvents(request), 'event');
  }
}
