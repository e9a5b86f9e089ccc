import { assertStorableIntegers } from '@app/ocpp';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { StationHistoryRecorder } from '../station-history/station-history.recorder';
import { type NotificationAction, progressRecordOf } from '../station-history/station-history.records';
import { type FirmwareStatusReport, firmwareStatusEvent, firmwareStatusOf, firmwareStatusOf16 } from './firmware-status.adapter';
import { PublishedFirmwareRepository } from './published-firmware.repository';

/**
 * Firmware status notifications of both versions (and the 1.6 signed-firmware variant): recorded in
 * the station's history and `firmware_status` published, both in the background after answering;
 * a 2.0.1 local controller's publishing status, stored per requestId before it is answered.
 */
@Injectable()
export class FirmwareHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly events: StationEventEmitter,
    private readonly history: StationHistoryRecorder,
    private readonly publications: PublishedFirmwareRepository,
    private readonly durability: DurableAcknowledgement,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '1.6': {
        FirmwareStatusNotification: async (context, request) => this.report(context, 'FirmwareStatusNotification', firmwareStatusOf16(request)),
        SignedFirmwareStatusNotification: async (context, request) => this.report(context, 'SignedFirmwareStatusNotification', firmwareStatusOf(request)),
      },
      '2.0.1': {
        FirmwareStatusNotification: async (context, request) => this.report(context, 'FirmwareStatusNotification', firmwareStatusOf(request)),
        // A local controller publishing firmware for the stations behind it (L03); stored before it is answered.
        PublishFirmwareStatusNotification: async (context, request) => {
          assertStorableIntegers({ requestId: request.requestId });
          await this.durability.store(context.logger, 'PublishFirmwareStatusNotification', () =>
            this.publications.report(context.stationId, request.requestId ?? 0, request.status, request.location),
          );
          context.logger.info({ publishStatus: request.status, requestId: request.requestId }, 'firmware publishing status');
          return {};
        },
      },
    });
  }

  private report(context: CallContext, action: NotificationAction, report: FirmwareStatusReport): Record<string, never> {
    context.logger.info({ firmwareStatus: report.status, requestId: report.requestId }, 'firmware status');
    this.history.notified(progressRecordOf(context.stationId, action, report, new Date()));
    this.events.publishAnswered(context.stationId, firmwareStatusEvent(report), context.logger);
    return {};
  }
}
