import { CUSTOMER_DATA_PART_LENGTH, CustomerDataStore, customerInformationParts } from './customer-data.store';

describe('CustomerDataStore', () => {
  it('reports what it holds about a customer, by any of the three names, and clears it', () => {
    const store = new CustomerDataStore();
    store.hold({ idToken: { idToken: 'AA11', type: 'ISO14443' } }, 'three sessions');
    store.hold({ customerIdentifier: 'c-42' }, 'a contract');
    expect(store.request({ idToken: { idToken: 'AA11', type: 'ISO14443' } }, true, false)).toBe('three sessions');
    expect(store.request({ idToken: { idToken: 'AA11', type: 'Central' } }, true, false)).toBe('No data held about this customer.');
    expect(store.request({ customerIdentifier: 'c-42' }, true, true)).toBe('a contract');
    expect(store.request({ customerIdentifier: 'c-42' }, true, false)).toBe('No data held about this customer.');
  });

  it('says what it did when asked only to clear', () => {
    const store = new CustomerDataStore();
    store.hold({ customerIdentifier: 'c-1' }, 'x');
    expect(store.request({ customerIdentifier: 'c-1' }, false, true)).toBe('Customer data cleared.');
  });
});

describe('customerInformationParts', () => {
  it('splits the text into parts of at most 512 characters, seqNo from 0, tbc on all but the last', () => {
    const text = 'x'.repeat(CUSTOMER_DATA_PART_LENGTH * 2 + 10);
    const parts = customerInformationParts(5, text, '2026-01-01T00:00:00.000Z');
    expect(parts.map((part) => [part.seqNo, part.data.length, part.tbc])).toEqual([
      [0, 512, true],
      [1, 512, true],
      [2, 10, undefined],
    ]);
    expect(parts.map((part) => part.data).join('')).toBe(text);
  });
});
