import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { type FirmwareStatusReport, firmwareStatusEvent, firmwareStatusOf, firmwareStatusOf16 } from './firmware-status.adapter';

/** Firmware status notifications of both versions (and the 1.6 signed-firmware variant): `firmware_status` published after answering. */
@Injectable()
export class FirmwareHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly events: StationEventEmitter,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '1.6': {
        FirmwareStatusNotification: async (context, request) => this.report(context, firmwareStatusOf16(request)),
        SignedFirmwareStatusNotification: async (context, request) => this.report(context, firmwareStatusOf(request)),
      },
      '2.0.1': { FirmwareStatusNotification: async (context, request) => this.report(context, firmwareStatusOf(request)) },
    });
  }

  private report(context: CallContext, report: FirmwareStatusReport): Record<string, never> {
    context.logger.info({ firmwareStatus: report.status, requestId: report.requestId }, 'firmware status');
    this.events.publishInBackground(context.stationId, firmwareStatusEvent(report), context.logger);
    return {};
  }
}
