import type { TransactionEventRecord, TransactionState } from './transaction-report';

const round = (wh: number): number => Number(wh.toFixed(6));

function firstDefined<T>(events: readonly TransactionEventRecord[], read: (event: TransactionEventRecord) => T | undefined): T | undefined {
  for (const event of events) {
    const value = read(event);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * 2.0.1 chargingState describes energy transfer within a running transaction. Once the
 * transaction has ended, the state last reported while it ran (typically Charging) no longer
 * holds: what counts is the final state the Ended event itself reports (e.g. EVConnected while
 * the cable is still plugged in, Idle once it is not), or none when it reports none. 1.6 has no
 * charging state at all.
 */
function chargingStateOf(ended: TransactionEventRecord | undefined, newestFirst: readonly TransactionEventRecord[]): string | undefined {
  return ended ? ended.chargingState : firstDefined(newestFirst, (event) => event.chargingState);
}

/**
 * The state of a transaction from all its stored events, in seqNo order whatever order they
 * arrived in (2.0.1 stations deliver queued events after an offline period, and Updated or
 * Ended may arrive before Started). Start time and meter start come from Started, stop time and
 * meter stop from Ended; until those arrive, the earliest and latest other events stand in.
 * Pure: the same events always give the same state.
 */
export function reduceTransaction(events: readonly TransactionEventRecord[]): TransactionState {
  const ordered = [...events].sort((a, b) => a.seqNo - b.seqNo || a.at.getTime() - b.at.getTime());
  const newestFirst = [...ordered].reverse();
  const started = ordered.find((event) => event.eventType === 'Started');
  const ended = ordered.find((event) => event.eventType === 'Ended');
  const beforeEnd = ordered.filter((event) => event.eventType !== 'Ended');
  const startFirst = started ? [started, ...ordered.filter((event) => event !== started)] : ordered;

  const earliestBeforeEnd = beforeEnd.reduce<Date | undefined>((earliest, event) => (earliest && earliest <= event.at ? earliest : event.at), undefined);
  const meterStartWh =
    started?.beginEnergyWh ?? started?.energyWh ?? firstDefined(ordered, (event) => event.beginEnergyWh) ?? firstDefined(beforeEnd, (event) => event.energyWh);
  const latestWh = ended?.energyWh ?? firstDefined(newestFirst, (event) => event.energyWh);
  const meterStopWh = ended ? latestWh : undefined;

  return {
    state: ended ? 'ended' : 'active',
    evseId: firstDefined(startFirst, (event) => event.evseId),
    connectorId: firstDefined(startFirst, (event) => event.connectorId),
    idToken: firstDefined(startFirst, (event) => event.idToken),
    idTokenType: firstDefined(startFirst, (event) => (event.idToken === undefined ? undefined : event.idTokenType)),
    startedAt: started?.at ?? earliestBeforeEnd,
    stoppedAt: ended?.at,
    meterStartWh,
    meterStopWh,
    energyWh: meterStartWh !== undefined && latestWh !== undefined ? round(latestWh - meterStartWh) : undefined,
    // 2.0.1 and 1.6 both say a missing stop reason means Local.
    stoppedReason: ended ? (ended.stoppedReason ?? 'Local') : undefined,
    chargingState: chargingStateOf(ended, newestFirst),
    remoteStartId: firstDefined(startFirst, (event) => event.remoteStartId),
    offline: ordered.some((event) => event.offline),
    lastSeqNo: ordered.length > 0 ? ordered[ordered.length - 1]?.seqNo : undefined,
    eventCount: ordered.length,
    startSeen: started !== undefined,
  };
}
