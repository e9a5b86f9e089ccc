import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { type LogStatusReport, diagnosticsStatusOf16, logStatusEvent, logStatusOf } from './log-status.adapter';

/** 1.6 DiagnosticsStatusNotification and LogStatusNotification (1.6 security extension, 2.0.1): `log_status` published after answering. */
@Injectable()
export class DiagnosticsHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly events: StationEventEmitter,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '1.6': {
        DiagnosticsStatusNotification: async (context, request) => this.report(context, diagnosticsStatusOf16(request)),
        LogStatusNotification: async (context, request) => this.report(context, logStatusOf(request)),
      },
      '2.0.1': { LogStatusNotification: async (context, request) => this.report(context, logStatusOf(request)) },
    });
  }

  private report(context: CallContext, report: LogStatusReport): Record<string, never> {
    context.logger.info({ logStatus: report.status, requestId: report.requestId }, 'log upload status');
    this.events.publishInBackground(context.stationId, logStatusEvent(report), context.logger);
    return {};
  }
}
