import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { StationHistoryRecorder } from '../station-history/station-history.recorder';
import { type NotificationAction, progressRecordOf } from '../station-history/station-history.records';
import { type LogStatusReport, diagnosticsStatusOf16, logStatusEvent, logStatusOf } from './log-status.adapter';

/**
 * 1.6 DiagnosticsStatusNotification and LogStatusNotification (1.6 security extension, 2.0.1): recorded
 * in the station's history and `log_status` published, both in the background after answering.
 */
@Injectable()
export class DiagnosticsHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly events: StationEventEmitter,
    private readonly history: StationHistoryRecorder,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '1.6': {
        DiagnosticsStatusNotification: async (context, request) => this.report(context, 'DiagnosticsStatusNotification', diagnosticsStatusOf16(request)),
        LogStatusNotification: async (context, request) => this.report(context, 'LogStatusNotification', logStatusOf(request)),
      },
      '2.0.1': { LogStatusNotification: async (context, request) => this.report(context, 'LogStatusNotification', logStatusOf(request)) },
    });
  }

  private report(context: CallContext, action: NotificationAction, report: LogStatusReport): Record<string, never> {
    context.logger.info({ logStatus: report.status, requestId: report.requestId }, 'log upload status');
    this.history.notified(progressRecordOf(context.stationId, action, report, new Date()));
    this.events.publishAnswered(context.stationId, logStatusEvent(report), context.logger);
    return {};
  }
}
