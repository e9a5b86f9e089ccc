import { pinnedByRejections } from './rejection-pins';

describe('pinnedByRejections', () => {
  const sessions = new Map([
    [1, { transactionId: 'T-1' }],
    [2, { transactionId: 'T-9' }],
  ]);

  it('pins a session whose own TxProfile was refused', () => {
    expect(pinnedByRejections('CP', [{ purpose: 'tx', evseId: 1, transactionId: 'T-1', detail: 'Rejected' }], sessions)).toEqual(['CP/1']);
  });

  it('pins nothing for a refused TxProfile of a transaction that has ended, nor for other purposes', () => {
    const rejections = [
      { purpose: 'tx' as const, evseId: 2, transactionId: 'T-2', detail: 'Rejected' },
      { purpose: 'tx' as const, evseId: 3, transactionId: 'T-3', detail: 'Rejected' },
      { purpose: 'tx-default' as const, evseId: 0, detail: 'Rejected' },
    ];
    expect(pinnedByRejections('CP', rejections, sessions)).toEqual([]);
  });
});
