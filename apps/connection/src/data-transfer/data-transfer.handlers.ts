import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { StationHistoryRecorder } from '../station-history/station-history.recorder';
import { dataTransferRecordOf } from '../station-history/station-history.records';
import {
  type DataTransferReport,
  type DataTransferStatus,
  dataTransferEvent,
  dataTransferOf16,
  dataTransferOf201,
  dataTransferStatus,
} from './data-transfer.adapter';

/**
 * DataTransfer from stations, both versions: answered by the configured vendor ids; recorded in the
 * station's history and `data_transfer` published, both in the background after answering.
 */
@Injectable()
export class DataTransferHandlers implements OnModuleInit {
  private readonly vendorIds: ReadonlySet<string>;

  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly events: StationEventEmitter,
    private readonly history: StationHistoryRecorder,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.vendorIds = new Set(config.stationCore.dataTransferVendorIds);
  }

  onModuleInit(): void {
    this.registry.registerVersioned({
      '1.6': { DataTransfer: async (context, request) => ({ status: this.receive(context, dataTransferOf16(request)) }) },
      '2.0.1': { DataTransfer: async (context, request) => ({ status: this.receive(context, dataTransferOf201(request)) }) },
    });
  }

  private receive(context: CallContext, report: DataTransferReport): DataTransferStatus {
    const status = dataTransferStatus(report, this.vendorIds);
    context.logger.info({ vendorId: report.vendorId, messageId: report.messageId, status }, 'data transfer from the station');
    this.history.notified(dataTransferRecordOf(context.stationId, report, status, new Date()));
    this.events.publishAnswered(context.stationId, dataTransferEvent(report), context.logger);
    return status;
  }
}
