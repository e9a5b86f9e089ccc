import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { CommandResultObservers } from '../routing/command-result.observers';
import { deviceModelUpdateOf } from './command-result.updates';
import { DeviceModelUpdater } from './device-model.updater';

/** Learns the device model from get/set configuration answers (both versions) on the replica that ran them. */
@Injectable()
export class DeviceModelObservers implements OnModuleInit {
  private readonly logger: Logger;

  constructor(
    private readonly observers: CommandResultObservers,
    private readonly updater: DeviceModelUpdater,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'device-model' });
  }

  onModuleInit(): void {
    this.observers.register('device-model', async (command, execution) => {
      const update = deviceModelUpdateOf(command, execution);
      if (update === undefined) return;
      await this.updater.apply(command.stationId, update);
      this.logger.debug({ stationId: command.stationId, commandId: command.commandId, values: update.values.length }, 'device model updated from a command answer');
    });
  }
}
