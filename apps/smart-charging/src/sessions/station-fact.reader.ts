import { type StationEvent, TransactionPhase, timestampDate } from '@app/contracts';
import type { PerPhase, StationFact, StationPhase } from './station-fact';

const CURRENT = 'Current.Import';
const PHASES: Readonly<Record<string, StationPhase>> = { L1: 'L1', L2: 'L2', L3: 'L3', 'L1-N': 'L1', 'L2-N': 'L2', 'L3-N': 'L3' };

/** The station bodies this service reads (for the consumer's filter). */
export const FACT_BODIES = ['connected', 'disconnected', 'booted', 'transaction', 'meterValues'] as const;

function eventTime(event: StationEvent): number {
  return event.occurredAt ? timestampDate(event.occurredAt).getTime() : 0;
}

/**
 * The current drawn on each phase, from a meter value's samples: Current.Import per phase,
 * taken from the newest sampling instant of the message (a message may carry several).
 */
export function drawnPerPhase(samples: readonly { measurand: string; phase: string; value: number; unit: string; at?: { seconds: bigint } }[]): PerPhase | undefined {
  const currents = samples.filter((sample) => sample.measurand === CURRENT && sample.unit === 'A' && PHASES[sample.phase] !== undefined);
  if (currents.length === 0) return undefined;
  const newest = currents.reduce((latest, sample) => (sample.at && sample.at.seconds > latest ? sample.at.seconds : latest), 0n);
  const perPhase: PerPhase = {};
  for (const sample of currents) {
    const phase = PHASES[sample.phase];
    if (phase !== undefined && (sample.at === undefined || sample.at.seconds === newest)) perPhase[phase] = sample.value;
  }
  return perPhase;
}

/** The fact a station event tells, or none when it says nothing allocation needs. */
export function stationFactOf(event: StationEvent): StationFact | undefined {
  const at = eventTime(event);
  const { body } = event;
  switch (body.case) {
    case 'connected':
    case 'disconnected':
      return { kind: body.case, at };
    case 'booted':
      return { kind: 'booted', at };
    case 'transaction': {
      const { phase, evseId, transactionId } = body.value;
      const when = body.value.at ? timestampDate(body.value.at).getTime() : at;
      if (phase === TransactionPhase.STARTED || phase === TransactionPhase.UPDATED) return { kind: 'transaction-started', at: when, evseId, transactionId };
      if (phase === TransactionPhase.ENDED) return { kind: 'transaction-ended', at: when, evseId, transactionId };
      return undefined;
    }
    case 'meterValues': {
      const perPhaseA = drawnPerPhase(body.value.samples);
      if (perPhaseA === undefined) return undefined;
      return { kind: 'current-drawn', at, evseId: body.value.evseId, transactionId: body.value.transactionId || undefined, perPhaseA };
    }
    default:
      return undefined;
  }
}
