import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DeviceModelUpdater } from '../device-model/device-model.updater';
import { CallHandlerRegistry } from '../gateway/call-handler.registry';
import { StationAlertsService } from '../monitoring/station-alerts.service';
import { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { bootReportOf16, bootReportOf201 } from './boot-notification.adapter';
import { BootNotificationHandler } from './boot-notification.handler';
import { noticesOf } from './notify-event.adapter';
import { noticeEvent } from './provisioning.events';
import { statusReportOf16, statusReportOf201 } from './status-notification.adapter';
import { StatusNotificationHandler } from './status-notification.handler';

const heartbeatAnswer = async () => ({ currentTime: new Date().toISOString() });

/**
 * What a station needs to come online, both versions: BootNotification, Heartbeat (the gate
 * records when the station was last seen), StatusNotification, and 2.0.1 NotifyEvent.
 */
@Injectable()
export class ProvisioningHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly boot: BootNotificationHandler,
    private readonly status: StatusNotificationHandler,
    private readonly events: StationEventEmitter,
    private readonly alerts: StationAlertsService,
    private readonly deviceModel: DeviceModelUpdater,
    private readonly durability: DurableAcknowledgement,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '1.6': {
        BootNotification: (context, request) => this.boot.handle(context, bootReportOf16(request)),
        Heartbeat: heartbeatAnswer,
        StatusNotification: (context, request) => this.status.handle(context, statusReportOf16(request, new Date())),
      },
      '2.0.1': {
        BootNotification: (context, request) => this.boot.handle(context, bootReportOf201(request)),
        Heartbeat: heartbeatAnswer,
        StatusNotification: (context, request) => this.status.handle(context, statusReportOf201(request)),
        NotifyEvent: async (context, request) => {
          // Alerts and device-model values are stored before the answer; a database failure withholds it and the station retries.
          await this.durability.store(context.logger, 'NotifyEvent', async () => {
            await this.alerts.eventsNotified(context.stationId, request);
            await this.deviceModel.applyEvents(context.stationId, request);
          });
          // Published once stored: a withheld or refused NotifyEvent publishes nothing, so a retry does not publish it twice.
          for (const notice of noticesOf(request)) {
            this.events.publishAnswered(context.stationId, noticeEvent(notice), context.logger, { occurredAt: notice.noticedAt });
          }
          return {};
        },
      },
    });
  }
}
