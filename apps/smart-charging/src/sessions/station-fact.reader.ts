import { type ChargingCapabilities as WireCapabilities, ChargingRateUnit, EnergyTransferMode, type EvChargingNeeds, type StationEvent, TransactionPhase, timestampDate } from '@app/contracts';
import { ASSUMED_CAPABILITIES, type ChargingCapabilities, type RateUnit } from '../dispatch/charging-capabilities';
import type { PerPhase, StationFact, StationPhase } from './station-fact';

const CURRENT = 'Current.Import';
const PHASES: Readonly<Record<string, StationPhase>> = { L1: 'L1', L2: 'L2', L3: 'L3', 'L1-N': 'L1', 'L2-N': 'L2', 'L3-N': 'L3' };

/** The station bodies this service reads (for the consumer's filter). */
export const FACT_BODIES = ['connected', 'disconnected', 'booted', 'transaction', 'meterValues', 'evChargingNeeds', 'chargingCapabilities'] as const;

const TRANSFER_PHASES: Partial<Record<EnergyTransferMode, 1 | 2 | 3>> = {
  [EnergyTransferMode.AC_SINGLE_PHASE]: 1,
  [EnergyTransferMode.AC_TWO_PHASE]: 2,
  [EnergyTransferMode.AC_THREE_PHASE]: 3,
};

const positive = (value: number | undefined): number | undefined => (value !== undefined && value > 0 ? value : undefined);

function needsFact(at: number, needs: EvChargingNeeds): StationFact {
  return {
    kind: 'ev-needs',
    at,
    evseId: needs.evseId,
    needWh: positive(needs.ac?.energyAmountWh ?? needs.dc?.energyAmountWh),
    departure: needs.departureTime ? timestampDate(needs.departureTime).getTime() : undefined,
    minA: positive(needs.ac?.evMinCurrentA),
    maxA: positive(needs.ac?.evMaxCurrentA),
    phases: TRANSFER_PHASES[needs.requestedEnergyTransfer],
  };
}

/** What the station told of its smart charging; what it did not tell is assumed (ASSUMED_CAPABILITIES). */
export function capabilitiesOf(wire: WireCapabilities): ChargingCapabilities {
  const units = wire.rateUnits.flatMap((unit): RateUnit[] => (unit === ChargingRateUnit.AMPERE ? ['A'] : unit === ChargingRateUnit.WATT ? ['W'] : []));
  return {
    rateUnits: units.length > 0 ? units : ASSUMED_CAPABILITIES.rateUnits,
    maxStackLevel: wire.maxStackLevel ?? ASSUMED_CAPABILITIES.maxStackLevel,
    maxPeriods: wire.maxPeriodsPerSchedule ?? ASSUMED_CAPABILITIES.maxPeriods,
    maxProfiles: wire.maxProfilesInstalled ?? ASSUMED_CAPABILITIES.maxProfiles,
  };
}

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
    case 'evChargingNeeds':
      return needsFact(at, body.value);
    case 'chargingCapabilities':
      return { kind: 'capabilities', at, capabilities: capabilitiesOf(body.value) };
    default:
      return undefined;
  }
}
