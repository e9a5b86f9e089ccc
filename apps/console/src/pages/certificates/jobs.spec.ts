import { answerText, countsText, jobProgress, parseStationIds, stationStepOf } from './jobs';

describe('batch job helpers', () => {
  it('reads station ids separated by commas, spaces or lines, without blanks or repeats', () => {
    expect(parseStationIds(' CP-1, CP-2\nCP-3;CP-1  \n\n')).toEqual(['CP-1', 'CP-2', 'CP-3']);
    expect(parseStationIds('   ')).toEqual([]);
  });

  it('turns per-outcome counts into progress and words', () => {
    expect(jobProgress({ accepted: 3, offline: 1, pending: 2 })).toEqual({ total: 6, pending: 2, finished: 4, percent: 66 });
    expect(jobProgress({})).toEqual({ total: 0, pending: 0, finished: 0, percent: 0 });
    expect(countsText({ pending: 2, accepted: 3, failed: 0, weird: 1 })).toBe('3 accepted, 2 pending, 1 weird');
    expect(countsText({})).toBe('no stations');
  });

  it('says what a station answered at the step it is at', () => {
    expect(answerText({ status: 'Rejected', errorCode: 'CertificateStoreMaxLengthExceeded' })).toBe('Rejected (CertificateStoreMaxLengthExceeded)');
    expect(answerText({ status: 'Accepted' })).toBe('Accepted');
    expect(answerText(undefined)).toBe('—');
    expect(stationStepOf({ kind: 'install' }, { stationId: 'CP-1' })).toEqual({ step: 'install', outcome: 'pending', answer: '—', at: undefined });
    expect(stationStepOf({ kind: 'rollover' }, { stationId: 'CP-1', install: 'accepted', delete: 'failed', deleteAnswer: { status: 'failed', errorDescription: 'timeout' } })).toEqual({
      step: 'delete',
      outcome: 'failed',
      answer: 'failed (timeout)',
      at: undefined,
    });
  });
});
