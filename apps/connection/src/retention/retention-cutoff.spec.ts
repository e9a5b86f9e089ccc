import { retentionCutoff } from './retention-cutoff';

describe('retentionCutoff', () => {
  it('is the retention in whole days before now', () => {
    expect(retentionCutoff(new Date('2025-06-01T10:00:00Z'), 90)).toEqual(new Date('2025-03-03T10:00:00Z'));
    expect(retentionCutoff(new Date('2025-06-01T10:00:00Z'), 1)).toEqual(new Date('2025-05-31T10:00:00Z'));
  });
});
