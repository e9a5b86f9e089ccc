import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { type FirmwareStatusReport, firmwareStatusEvent, firmwareStatusOf, firmwareStatusOf16 } from './firmware-status.adapter';
import { PublishedFirmwareRepository } from './published-firmware.repository';

/**
 * Firmware status notifications of both versions (and the 1.6 signed-firmware variant): `firmware_status`
 * published after answering; a 2.0.1 local controller's publishing status, stored per requestId.
 */
@Injectable()
export class FirmwareHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly events: StationEventEmitter,
    private readonly publications: PublishedFirmwareRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '1.6': {
        FirmwareStatusNotification: async (context, request) => this.report(context, firmwareStatusOf16(request)),
        SignedFirmwareStatusNotification: async (context, request) => this.report(context, firmwareStatusOf(request)),
      },
      '2.0.1': {
        FirmwareStatusNotification: async (context, request) => this.report(context, firmwareStatusOf(request)),
        // A local controller publishing firmware for the stations behind it (L03); stored before it is answered.
        PublishFirmwareStatusNotification: async (context, request) => {
          await this.publications.report(context.stationId, request.requestId ?? 0, request.status, request.location);
          context.logger.info({ publishStatus: request.status, requestId: request.requestId }, 'firmware publishing status');
          return {};
        },
      },
    });
  }

  private report(context: CallContext, report: FirmwareStatusReport): Record<string, never> {
    context.logger.info({ firmwareStatus: report.status, requestId: report.requestId }, 'firmware status');
    this.events.publishInBackground(context.stationId, firmwareStatusEvent(report), context.logger);
    return {};
  }
}
