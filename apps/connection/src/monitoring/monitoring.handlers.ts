import { OcppErrorKind, OcppRpcError } from '@app/ocpp';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CallHandlerRegistry } from '../gateway/call-handler.registry';
import { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import { reportPartProblem } from './monitoring-limits';
import { MonitoringReportRepository } from './monitoring-report.repository';
import { monitorsOfReport } from './station-monitor';

/** 2.0.1 NotifyMonitoringReport: each part stored (and the report assembled when whole) before the station is answered. */
@Injectable()
export class MonitoringHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly reports: MonitoringReportRepository,
    private readonly durability: DurableAcknowledgement,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '2.0.1': {
        NotifyMonitoringReport: async (context, request) => {
          const part = { requestId: request.requestId, seqNo: request.seqNo, tbc: request.tbc ?? false, monitors: monitorsOfReport(request) };
          const problem = reportPartProblem(request, part.monitors);
          if (problem !== undefined) throw new OcppRpcError(OcppErrorKind.PropertyConstraintViolation, problem);
          const assembly = await this.durability.store(context.logger, 'NotifyMonitoringReport', () => this.reports.recordPart(context.stationId, part));
          const log = { requestId: part.requestId, seqNo: part.seqNo, tbc: part.tbc, monitors: part.monitors.length };
          if (assembly.complete) context.logger.info({ ...log, parts: assembly.parts, total: assembly.monitors.length }, 'monitoring report complete');
          else context.logger.debug({ ...log, awaiting: assembly.missing }, 'monitoring report part stored');
          return {};
        },
      },
    });
  }
}
