import { assertStorableIntegers } from '@app/ocpp';
import { Injectable } from '@nestjs/common';
import type { CallContext } from '../gateway/call-handler.registry';
import { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import { derivedEventId } from '../station-events/event-id';
import type { MeterValuesReport } from './meter-values.adapter';
import { meterValuesEvent, meterValuesKey } from './meter-values.events';
import { MeterSampleRepository } from './meter-sample.repository';
import { normaliseMeterValues } from './sample-normaliser';

/**
 * MeterValues outside transaction messages, both versions: normalised samples stored (in a group
 * commit with other stations' messages, ADR 035), then `meter_values` made durable, then answered
 * (acknowledge after durability).
 */
@Injectable()
export class MeterValuesHandler {
  constructor(
    private readonly samples: MeterSampleRepository,
    private readonly durability: DurableAcknowledgement,
  ) {}

  async handle(context: CallContext, report: MeterValuesReport): Promise<Record<string, never>> {
    // The schemas bound no evseId/connectorId; a negative one cannot be published, and failing after the write would withhold the answer for ever.
    assertStorableIntegers({ evseId: report.evseId });
    const { samples, refused } = normaliseMeterValues(report.meterValues);
    if (refused.length > 0) context.logger.warn({ refused: refused.slice(0, 5), count: refused.length }, 'meter values the CSMS cannot read were not stored');
    if (samples.length === 0) return {};
    const { logger, stationId } = context;
    await this.durability.store(logger, 'MeterValues', () => this.samples.record(stationId, report.evseId, report.transactionId, samples));
    const eventId = derivedEventId(stationId, 'MeterValues', meterValuesKey(report.evseId, report.transactionId, samples));
    const event = { body: meterValuesEvent(report.transactionId, report.evseId, samples), identity: { eventId, occurredAt: samples[0]?.at } };
    await this.durability.publish(stationId, logger, 'MeterValues', [event]);
    return {};
  }
}
