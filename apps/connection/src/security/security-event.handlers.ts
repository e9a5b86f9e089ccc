import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { type ReportedSecurityEvent, reportedSecurityEvent, securityEventOf } from './security-event.adapter';

/** SecurityEventNotification from stations, both versions: `security_event` (raised_by_csms = false) published after answering. */
@Injectable()
export class SecurityEventHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly events: StationEventEmitter,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '1.6': { SecurityEventNotification: async (context, request) => this.report(context, securityEventOf(request)) },
      '2.0.1': { SecurityEventNotification: async (context, request) => this.report(context, securityEventOf(request)) },
    });
  }

  private report(context: CallContext, event: ReportedSecurityEvent): Record<string, never> {
    context.logger.warn({ securityEventType: event.type, techInfo: event.techInfo, at: event.at.toISOString() }, 'security event reported by the station');
    this.events.publishAnswered(context.stationId, reportedSecurityEvent(event), context.logger, { occurredAt: event.at });
    return {};
  }
}
