import type { TransactionView } from './station-types';
import { OTHER_TRANSACTION, activeTransactionOptions, chartTransactionOf, selectedTransaction, transactionIdOf, typedKeyOf } from './transaction-choice';

const transaction = (transactionId: string, overrides: Partial<TransactionView> = {}): TransactionView => ({
  stationId: 'CP-1',
  transactionId,
  state: 'active',
  evseId: 1,
  connectorId: 1,
  idToken: 'TAG-1',
  idTokenType: 'ISO14443',
  startedAt: '2026-12-06T10:00:00Z',
  stoppedAt: null,
  meterStartWh: 0,
  meterStopWh: null,
  energyWh: null,
  stoppedReason: null,
  chargingState: 'Charging',
  offline: false,
  remoteStartId: null,
  updatedAt: '2026-12-06T10:00:00Z',
  ...overrides,
});

describe('choosing a transaction', () => {
  const listed = [transaction('T-3', { evseId: 2, idToken: null }), transaction('T-2', { state: 'ended' }), transaction('T-1', { evseId: null, idToken: null })];

  it('offers the active transactions, newest first, with their EVSE and id token', () => {
    expect(activeTransactionOptions(listed)).toEqual([
      { value: 'T-3', label: 'T-3 (EVSE 2)' },
      { value: 'T-1', label: 'T-1' },
    ]);
    expect(activeTransactionOptions([transaction('T-9')])).toEqual([{ value: 'T-9', label: 'T-9 (EVSE 1, TAG-1)' }]);
    expect(activeTransactionOptions(undefined)).toEqual([]);
  });

  it('keeps the operator’s pick while it is offered, else takes the newest active one, else asks for a typed id', () => {
    const options = activeTransactionOptions(listed);
    expect(selectedTransaction(undefined, options)).toBe('T-3');
    expect(selectedTransaction('T-1', options)).toBe('T-1');
    expect(selectedTransaction(OTHER_TRANSACTION, options)).toBe(OTHER_TRANSACTION);
    // Picked, then it ended: no longer offered.
    expect(selectedTransaction('T-2', options)).toBe('T-3');
    expect(selectedTransaction(undefined, [])).toBe(OTHER_TRANSACTION);
  });

  it('sends the selected id, or the typed one under "another id"', () => {
    const options = activeTransactionOptions(listed);
    expect(transactionIdOf('transactionId', {}, options)).toBe('T-3');
    expect(transactionIdOf('transactionId', { transactionId: 'T-1', [typedKeyOf('transactionId')]: 'X' }, options)).toBe('T-1');
    expect(transactionIdOf('transactionId', { transactionId: OTHER_TRANSACTION, [typedKeyOf('transactionId')]: '42' }, options)).toBe('42');
    expect(transactionIdOf('transactionId', {}, [])).toBe('');
  });

  it('charts the current transaction, else the most recent one', () => {
    expect(chartTransactionOf([transaction('T-5', { state: 'ended' }), transaction('T-4')])).toBe('T-4');
    expect(chartTransactionOf([transaction('T-5', { state: 'ended' }), transaction('T-4', { state: 'ended' })])).toBe('T-5');
    expect(chartTransactionOf([])).toBeUndefined();
    expect(chartTransactionOf(undefined)).toBeUndefined();
  });
});
