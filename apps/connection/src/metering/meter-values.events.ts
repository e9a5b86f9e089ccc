import { timestampFromDate } from '@app/contracts';
import type { StationEventBody } from '../station-events/event-body';
import type { MeterSample } from './meter-sample';

export function meterValuesEvent(transactionId: string | undefined, evseId: number, samples: readonly MeterSample[]): StationEventBody {
  return {
    case: 'meterValues',
    value: {
      transactionId: transactionId ?? '',
      evseId,
      samples: samples.map((sample) => ({
        at: timestampFromDate(sample.at),
        measurand: sample.measurand,
        phase: sample.phase,
        value: sample.value,
        unit: sample.unit,
        context: sample.context,
        location: sample.location,
      })),
    },
  };
}

/** The natural key of a set of meter values: its EVSE, transaction and the times it was sampled. */
export function meterValuesKey(evseId: number, transactionId: string | undefined, samples: readonly MeterSample[]): string[] {
  const times = [...new Set(samples.map((sample) => sample.at.toISOString()))].sort();
  return [String(evseId), transactionId ?? '', ...times];
}
