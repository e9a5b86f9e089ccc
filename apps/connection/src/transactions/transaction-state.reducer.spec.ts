import type { TransactionEventRecord } from './transaction-report';
import { reduceTransaction } from './transaction-state.reducer';

const at = (minute: number) => new Date(Date.UTC(2025, 5, 1, 12, minute));

function event(overrides: Partial<TransactionEventRecord> & Pick<TransactionEventRecord, 'seqNo' | 'eventType'>): TransactionEventRecord {
  return {
    at: at(overrides.seqNo * 10),
    triggerReason: 'MeterValuePeriodic',
    offline: false,
    evseId: undefined,
    connectorId: undefined,
    idToken: undefined,
    idTokenType: undefined,
    idTokenStatus: undefined,
    chargingState: undefined,
    stoppedReason: undefined,
    remoteStartId: undefined,
    energyWh: undefined,
    beginEnergyWh: undefined,
    ...overrides,
  };
}

const started = event({
  seqNo: 0,
  eventType: 'Started',
  evseId: 1,
  connectorId: 1,
  idToken: 'TAG',
  idTokenType: 'ISO14443',
  energyWh: 1000,
  beginEnergyWh: 1000,
  chargingState: 'Charging',
  triggerReason: 'Authorized',
});
const updated1 = event({ seqNo: 1, eventType: 'Updated', evseId: 1, energyWh: 2500, chargingState: 'SuspendedEV', offline: true });
const updated2 = event({ seqNo: 2, eventType: 'Updated', energyWh: 4000, chargingState: 'Charging', offline: true });
const ended = event({ seqNo: 3, eventType: 'Ended', energyWh: 5200, stoppedReason: 'EVDisconnected', chargingState: 'Idle' });

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe('reduceTransaction', () => {
  it('takes start from Started and stop from Ended', () => {
    expect(reduceTransaction([started, updated1, updated2, ended])).toEqual({
      state: 'ended',
      evseId: 1,
      connectorId: 1,
      idToken: 'TAG',
      idTokenType: 'ISO14443',
      startedAt: at(0),
      stoppedAt: at(30),
      meterStartWh: 1000,
      meterStopWh: 5200,
      energyWh: 4200,
      stoppedReason: 'EVDisconnected',
      chargingState: 'Idle',
      remoteStartId: undefined,
      offline: true,
      lastSeqNo: 3,
      eventCount: 4,
      startSeen: true,
    });
  });

  it('reaches the same state whatever order the events arrive in', () => {
    const expected = reduceTransaction([started, updated1, updated2, ended]);
    for (const order of permutations([started, updated1, updated2, ended])) expect(reduceTransaction(order)).toEqual(expected);
  });

  it('stands in for a Started that has not arrived yet with the earliest event, and corrects it when it comes', () => {
    const early = reduceTransaction([updated2, updated1]);
    expect(early).toMatchObject({
      state: 'active',
      startSeen: false,
      startedAt: at(10),
      meterStartWh: 2500,
      energyWh: 1500,
      evseId: 1,
      chargingState: 'Charging',
    });
    expect(early.meterStopWh).toBeUndefined();
    expect(reduceTransaction([updated2, updated1, started])).toMatchObject({
      startSeen: true,
      startedAt: at(0),
      meterStartWh: 1000,
      energyWh: 3000,
      idToken: 'TAG',
    });
  });

  it('ends a transaction whose Ended came before Started, without inventing a start from the end', () => {
    const endedOnly = reduceTransaction([ended]);
    expect(endedOnly).toMatchObject({ state: 'ended', stoppedAt: at(30), meterStopWh: 5200, startSeen: false });
    expect(endedOnly.startedAt).toBeUndefined();
    expect(endedOnly.meterStartWh).toBeUndefined();
    expect(endedOnly.energyWh).toBeUndefined();
    expect(reduceTransaction([ended, started])).toMatchObject({ state: 'ended', startedAt: at(0), meterStartWh: 1000, energyWh: 4200 });
  });

  it('reads the meter start from a Transaction.Begin reading in a later event when Started had none', () => {
    const bare = { ...started, energyWh: undefined, beginEnergyWh: undefined };
    const endedWithBegin = { ...ended, beginEnergyWh: 900 };
    expect(reduceTransaction([bare, endedWithBegin])).toMatchObject({ meterStartWh: 900, meterStopWh: 5200, energyWh: 4300 });
  });

  it('uses the latest register as meter stop when Ended carries none, and Local as the default stop reason', () => {
    const bareEnd = { ...ended, energyWh: undefined, stoppedReason: undefined };
    expect(reduceTransaction([started, updated2, bareEnd])).toMatchObject({ meterStopWh: 4000, energyWh: 3000, stoppedReason: 'Local' });
  });

  it('keeps the first identity: a later event’s id token does not replace the one that started the transaction', () => {
    const stopWithOtherTag = { ...ended, idToken: 'OTHER', idTokenType: 'ISO14443' };
    expect(reduceTransaction([stopWithOtherTag, started]).idToken).toBe('TAG');
  });

  it('takes the charging state of an ended transaction from its Ended event, whatever came before or after', () => {
    const endedWithoutState = { ...ended, chargingState: undefined };
    expect(reduceTransaction([started, updated2, endedWithoutState]).chargingState).toBeUndefined();
    expect(reduceTransaction([endedWithoutState, updated2, started]).chargingState).toBeUndefined();
    expect(reduceTransaction([started, updated1, { ...ended, chargingState: 'EVConnected' }]).chargingState).toBe('EVConnected');
    expect(reduceTransaction([started, updated2]).chargingState).toBe('Charging');
  });

  it('leaves energy unknown without any energy register', () => {
    const noEnergy = [
      { ...started, energyWh: undefined, beginEnergyWh: undefined },
      { ...ended, energyWh: undefined },
    ];
    expect(reduceTransaction(noEnergy)).toMatchObject({ meterStartWh: undefined, meterStopWh: undefined, energyWh: undefined });
  });
});
