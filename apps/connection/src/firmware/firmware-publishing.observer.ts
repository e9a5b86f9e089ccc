import type { StationCommand } from '@app/contracts';
import type { Ocpp201 } from '@app/ocpp';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Execution } from '../routing/command-execution';
import { CommandResultObservers } from '../routing/command-result.observers';
import { PublishedFirmwareRepository } from './published-firmware.repository';

/** A local controller's answers to PublishFirmware (refused) and UnpublishFirmware (withdrawn), onto its publications. */
@Injectable()
export class FirmwarePublishingObserver implements OnModuleInit {
  constructor(
    private readonly observers: CommandResultObservers,
    private readonly repository: PublishedFirmwareRepository,
  ) {}

  onModuleInit(): void {
    this.observers.register('firmware-publishing', (command, execution) => this.observe(command, execution));
  }

  async observe(command: StationCommand, execution: Execution): Promise<void> {
    const { call, outcome } = execution;
    if (call === undefined) return;
    const stationStatus = typeof outcome.result?.status === 'string' ? outcome.result.status : undefined;
    if (call.action === 'PublishFirmware') {
      const { requestId } = call.payload as Ocpp201.PublishFirmwareRequest;
      if (outcome.status === 'rejected') await this.repository.refuse(command.stationId, requestId, 'Rejected');
      // Not-connected goes on to the station's new replica, and a timed-out call may still have arrived: neither is final.
      else if (outcome.status === 'call-error' || outcome.status === 'invalid') await this.repository.refuse(command.stationId, requestId, 'Failed');
    } else if (call.action === 'UnpublishFirmware' && stationStatus === 'Unpublished') {
      await this.repository.unpublished(command.stationId, (call.payload as Ocpp201.UnpublishFirmwareRequest).checksum);
    }
  }
}
