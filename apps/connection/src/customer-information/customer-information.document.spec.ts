import { type CustomerInformationPart, assembleCustomerInformation } from './customer-information.document';

const at = new Date('2026-01-01T10:00:00Z');
const part = (seqNo: number, data: string, tbc: boolean): CustomerInformationPart => ({ seqNo, data, tbc, generatedAt: new Date(at.getTime() + seqNo * 1000) });

describe('assembleCustomerInformation', () => {
  it('joins the parts in seqNo order whatever order they came in', () => {
    expect(assembleCustomerInformation([part(2, 'C', false), part(0, 'A', true), part(1, 'B', true)])).toEqual({
      complete: true,
      data: 'ABC',
      parts: 3,
      missingSeqNos: [],
      generatedAt: new Date('2026-01-01T10:00:02Z'),
    });
  });

  it('is complete with a single part that is not to be continued', () => {
    expect(assembleCustomerInformation([part(0, 'all of it', false)])).toMatchObject({ complete: true, data: 'all of it', parts: 1 });
  });

  it('withholds data after a missing part and names the gap', () => {
    expect(assembleCustomerInformation([part(0, 'A', true), part(2, 'C', false)])).toMatchObject({ complete: false, data: 'A', parts: 2, missingSeqNos: [1] });
  });

  it('is not complete while the last part received says more follow', () => {
    expect(assembleCustomerInformation([part(0, 'A', true), part(1, 'B', true)])).toMatchObject({ complete: false, data: 'AB', missingSeqNos: [] });
  });

  it('is empty and incomplete before any part', () => {
    expect(assembleCustomerInformation([])).toEqual({ complete: false, data: '', parts: 0, missingSeqNos: [], generatedAt: null });
  });

  it('names at most 100 gaps when a station sends a huge seqNo, without enumerating up to it', () => {
    const document = assembleCustomerInformation([part(0, 'A', true), part(2_000_000_000, 'Z', false)]);
    expect(document).toMatchObject({ complete: false, data: 'A', parts: 2 });
    expect(document.missingSeqNos).toHaveLength(100);
  });
});
