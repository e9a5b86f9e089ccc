import { validateResponse } from '@app/ocpp';
import { normaliseMeterValues } from '../metering/sample-normaliser';
import { startAnswerOf16, startReportOf16, stopAnswerOf16, stopReportOf16 } from './ocpp16-transaction.adapter';
import { transactionEventAnswerOf201, transactionReportOf201 } from './ocpp201-transaction.adapter';
import { eventRecordOf } from './transaction-record';

const startedAt = '2025-06-01T12:00:00.000Z';
const stoppedAt = '2025-06-01T13:00:00.000Z';

describe('1.6 transaction adapters', () => {
  const start = startReportOf16({ connectorId: 2, idTag: 'TAG-1', meterStart: 1000, timestamp: '2025-06-01T12:00:00Z' });

  it('reads StartTransaction as Started with seqNo 0, its register and a natural key of connector, time, idTag and meterStart', () => {
    expect(start).toMatchObject({
      messageType: 'StartTransaction',
      naturalKey: [2, startedAt, 'TAG-1', 1000],
      transactionId: undefined,
      eventType: 'Started',
      seqNo: 0,
      evseId: 2,
      connectorId: 1,
      idToken: { value: 'TAG-1', type: 'IdTag' },
      meterWh: 1000,
    });
  });

  it('keys two sessions started at the same time with different registers apart, and a retry alike', () => {
    const other = startReportOf16({ connectorId: 2, idTag: 'TAG-1', meterStart: 5000, timestamp: '2025-06-01T12:00:00Z' });
    const retry = startReportOf16({ connectorId: 2, idTag: 'TAG-1', meterStart: 1000, timestamp: '2025-06-01T12:00:00.000Z' });
    expect(other.naturalKey).not.toEqual(start.naturalKey);
    expect(retry.naturalKey).toEqual(start.naturalKey);
  });

  it('reads StopTransaction as Ended with seqNo 1, keyed by the transaction id, with its transaction data', () => {
    const stop = stopReportOf16({
      transactionId: 17,
      idTag: 'TAG-1',
      meterStop: 12_500,
      timestamp: stoppedAt,
      reason: 'EVDisconnected',
      transactionData: [{ timestamp: stoppedAt, sampledValue: [{ value: '12.5', unit: 'kWh', context: 'Transaction.End' }] }],
    });
    expect(stop).toMatchObject({
      messageType: 'StopTransaction',
      naturalKey: [17],
      transactionId: '17',
      eventType: 'Ended',
      seqNo: 1,
      stoppedReason: 'EVDisconnected',
      meterWh: 12_500,
    });
    expect(normaliseMeterValues(stop.meterValues).samples).toEqual([expect.objectContaining({ value: 12_500, unit: 'Wh', context: 'Transaction.End' })]);
    expect(stopReportOf16({ transactionId: 17, meterStop: 1, timestamp: stoppedAt }).idToken).toBeUndefined();
  });

  it('answers with schema-valid responses: the transaction id, and idTagInfo only for a stop with an idTag', () => {
    const start = startAnswerOf16('17', { status: 'Accepted' });
    expect(start).toEqual({ idTagInfo: { status: 'Accepted' }, transactionId: 17 });
    expect(validateResponse('1.6', 'StartTransaction', start)).toEqual({ ok: true });
    expect(stopAnswerOf16(undefined)).toEqual({});
    expect(validateResponse('1.6', 'StopTransaction', stopAnswerOf16({ status: 'Invalid' }))).toEqual({ ok: true });
  });

  it('records the explicit meterStart as the begin register', () => {
    expect(eventRecordOf(start, [], 'Accepted')).toMatchObject({
      energyWh: 1000,
      beginEnergyWh: 1000,
      idToken: 'TAG-1',
      idTokenType: 'IdTag',
      idTokenStatus: 'Accepted',
    });
  });
});

describe('2.0.1 transaction adapter', () => {
  const event = transactionReportOf201({
    eventType: 'Updated',
    timestamp: '2025-06-01T12:30:00Z',
    triggerReason: 'MeterValuePeriodic',
    seqNo: 4,
    offline: true,
    transactionInfo: { transactionId: 'tx-abc', chargingState: 'Charging', remoteStartId: 9 },
    evse: { id: 1, connectorId: 1 },
    meterValue: [
      {
        timestamp: '2025-06-01T12:30:00Z',
        sampledValue: [
          { value: 3.2, unitOfMeasure: { unit: 'kWh' } },
          { value: 7.4, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'kW' } },
        ],
      },
    ],
  });

  it('reads TransactionEvent with the station’s id and seqNo as natural key', () => {
    expect(event).toMatchObject({
      messageType: 'TransactionEvent',
      naturalKey: ['tx-abc', 4],
      transactionId: 'tx-abc',
      eventType: 'Updated',
      seqNo: 4,
      offline: true,
      evseId: 1,
      connectorId: 1,
      idToken: undefined,
      chargingState: 'Charging',
      remoteStartId: 9,
      meterWh: undefined,
    });
  });

  it('records the energy register of its meter values, normalised to Wh', () => {
    const { samples } = normaliseMeterValues(event.meterValues);
    expect(eventRecordOf(event, samples, undefined)).toMatchObject({ energyWh: 3200, beginEnergyWh: undefined, offline: true });
  });

  it('answers idTokenInfo only for an event that carried an idToken', () => {
    expect(transactionEventAnswerOf201(undefined)).toEqual({});
    const answer = transactionEventAnswerOf201({ status: 'Accepted' });
    expect(validateResponse('2.0.1', 'TransactionEvent', answer)).toEqual({ ok: true });
  });
});
