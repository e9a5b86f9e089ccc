import { type Ocpp201, assertStorableIntegers } from '@app/ocpp';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CallHandlerRegistry } from '../gateway/call-handler.registry';
import { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import { reportPartOf } from './notify-report.adapter';
import { NotifyReportHandler } from './notify-report.handler';

/** 2.0.1 NotifyReport: the parts of the reports GetBaseReport / GetReport asked for. */
@Injectable()
export class DeviceModelHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly reports: NotifyReportHandler,
    private readonly durability: DurableAcknowledgement,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      // A part the database could not take is not answered: the station sends it again.
      '2.0.1': {
        NotifyReport: (context, request) => {
          assertStorableIntegers(storedIntegersOf(request));
          return this.durability.store(context.logger, 'NotifyReport', () => this.reports.handle(context.stationId, reportPartOf(request), context.logger));
        },
      },
    });
  }
}

/** The integers of a NotifyReport that are stored in integer columns. */
function storedIntegersOf(request: Ocpp201.NotifyReportRequest): Record<string, number | undefined> {
  const fields: Record<string, number | undefined> = { requestId: request.requestId, seqNo: request.seqNo };
  (request.reportData ?? []).forEach((data, index) => {
    fields[`reportData[${index}].component.evse.id`] = data.component.evse?.id;
    fields[`reportData[${index}].component.evse.connectorId`] = data.component.evse?.connectorId;
  });
  return fields;
}
