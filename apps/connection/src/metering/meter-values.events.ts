import { timestampFromDate } from '@app/contracts';
import type { StationEventBody } from '../station-events/event-body';
import type { MeterSample } from './meter-sample';
import { sampleKey } from './sample-normaliser';

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

/**
 * The natural key of a set of meter values: its EVSE, transaction and the identity of each sample
 * (time, measurand, phase, location, context), sorted. A retried message keeps its key; two
 * messages sampled at the same time with different measurands or contexts get different keys.
 */
export function meterValuesKey(evseId: number, transactionId: string | undefined, samples: readonly MeterSample[]): string[] {
  const identities = [...new Set(samples.map((sample) => sampleKey(evseId, sample)))].sort();
  return [String(evseId), transactionId ?? '', ...identities];
}
