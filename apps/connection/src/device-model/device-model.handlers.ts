import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CallHandlerRegistry } from '../gateway/call-handler.registry';
import { reportPartOf } from './notify-report.adapter';
import { NotifyReportHandler } from './notify-report.handler';

/** 2.0.1 NotifyReport: the parts of the reports GetBaseReport / GetReport asked for. */
@Injectable()
export class DeviceModelHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly reports: NotifyReportHandler,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '2.0.1': { NotifyReport: (context, request) => this.reports.handle(context.stationId, reportPartOf(request), context.logger) },
    });
  }
}
