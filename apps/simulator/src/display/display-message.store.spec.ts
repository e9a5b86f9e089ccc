import type { Ocpp201 } from '@app/ocpp';
import { DisplayMessageStore, displayMessageReports } from './display-message.store';

const message = (id: number, priority: Ocpp201.MessagePriorityEnumType = 'NormalCycle', extra: Partial<Ocpp201.MessageInfoType> = {}): Ocpp201.MessageInfoType => ({
  id,
  priority,
  message: { format: 'UTF8', content: `message ${id}` },
  ...extra,
});
const noTransaction = () => false;

describe('DisplayMessageStore', () => {
  it('keeps messages by id, a new one replacing the old', () => {
    const store = new DisplayMessageStore();
    expect(store.set(message(1), noTransaction)).toBe('Accepted');
    expect(store.set(message(1, 'InFront'), noTransaction)).toBe('Accepted');
    expect(store.find({})).toEqual([message(1, 'InFront')]);
  });

  it('refuses a message for a transaction that does not run here', () => {
    const store = new DisplayMessageStore();
    expect(store.set(message(2, 'NormalCycle', { transactionId: 'tx-9' }), noTransaction)).toBe('UnknownTransaction');
    expect(store.set(message(2, 'NormalCycle', { transactionId: 'tx-9' }), (id) => id === 'tx-9')).toBe('Accepted');
  });

  it('finds by id, priority and state, and clears', () => {
    const store = new DisplayMessageStore();
    store.set(message(1, 'NormalCycle', { state: 'Idle' }), noTransaction);
    store.set(message(2, 'InFront', { state: 'Idle' }), noTransaction);
    store.set(message(3, 'InFront'), noTransaction);
    expect(store.find({ priority: 'InFront' }).map((found) => found.id)).toEqual([2, 3]);
    expect(store.find({ state: 'Idle', ids: [2, 3] }).map((found) => found.id)).toEqual([2]);
    expect(store.clear(2)).toBe(true);
    expect(store.clear(2)).toBe(false);
    expect(store.find({}).map((found) => found.id)).toEqual([1, 3]);
  });
});

describe('displayMessageReports', () => {
  it('splits the messages into parts, tbc on all but the last', () => {
    const parts = displayMessageReports(7, [message(1), message(2), message(3)], 2);
    expect(parts.map((part) => [part.requestId, part.messageInfo?.map((info) => info.id), part.tbc])).toEqual([
      [7, [1, 2], true],
      [7, [3], undefined],
    ]);
  });
});
