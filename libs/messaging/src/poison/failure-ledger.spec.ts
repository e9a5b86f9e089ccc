import type { InboundRecord } from '../message-bus';
import { Topics } from '../topics';
import { FailureLedger } from './failure-ledger';
import { NO_FAILURES } from './poison-policy';

const at = (partition: number, offset: number): InboundRecord => ({ topic: Topics.events, partition, offset: String(offset), key: 'k', value: new Uint8Array(), headers: {} });
const twice = { attempts: 2, last: { errorClass: 'TypeError', message: 'x' }, repeats: 2 };

describe('FailureLedger', () => {
  it('keeps the failures of a record by topic, partition and offset until forgotten', () => {
    const ledger = new FailureLedger();
    ledger.remember(at(1, 5), twice);
    expect(ledger.failuresOf(at(1, 5))).toEqual(twice);
    expect(ledger.failuresOf(at(2, 5))).toBe(NO_FAILURES);
    ledger.forget(at(1, 5));
    expect(ledger.failuresOf(at(1, 5))).toBe(NO_FAILURES);
  });

  it('drops the oldest entry beyond its bound', () => {
    const ledger = new FailureLedger();
    for (let offset = 0; offset <= 10_000; offset++) ledger.remember(at(0, offset), twice);
    expect(ledger.size).toBe(10_000);
    expect(ledger.failuresOf(at(0, 0))).toBe(NO_FAILURES);
    expect(ledger.failuresOf(at(0, 10_000))).toEqual(twice);
  });
});
