import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CallHandlerRegistry } from '../gateway/call-handler.registry';
import { meterValuesOf16, meterValuesOf201 } from './meter-values.adapter';
import { MeterValuesHandler } from './meter-values.handler';

/** MeterValues, both versions, through one handler. */
@Injectable()
export class MeteringHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly meterValues: MeterValuesHandler,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '1.6': { MeterValues: (context, request) => this.meterValues.handle(context, meterValuesOf16(request)) },
      '2.0.1': { MeterValues: (context, request) => this.meterValues.handle(context, meterValuesOf201(request)) },
    });
  }
}
