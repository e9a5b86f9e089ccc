import { MISSING_LISTED, assembleParts } from './report-parts';

describe('assembleParts', () => {
  it('is complete once the last part and every part before it came, in any order, duplicates counting once', () => {
    expect(assembleParts([{ seqNo: 2, tbc: false }, { seqNo: 0, tbc: true }])).toEqual({ complete: false, last: 2, missing: [1] });
    expect(assembleParts([{ seqNo: 1, tbc: true }, { seqNo: 2, tbc: false }, { seqNo: 0, tbc: true }, { seqNo: 0, tbc: true }])).toEqual({ complete: true, last: 2, missing: [] });
  });

  it('is not complete before the last part came, and names the gaps below the highest part', () => {
    expect(assembleParts([])).toEqual({ complete: false, last: undefined, missing: [] });
    expect(assembleParts([{ seqNo: 0, tbc: true }, { seqNo: 3, tbc: true }])).toEqual({ complete: false, last: undefined, missing: [1, 2] });
  });

  it('answers at once for a seqNo of two billion, naming at most MISSING_LISTED gaps', () => {
    const started = process.hrtime.bigint();
    const assembly = assembleParts([{ seqNo: 0, tbc: true }, { seqNo: 2_000_000_000, tbc: false }]);
    expect(assembly.complete).toBe(false);
    expect(assembly.missing).toHaveLength(MISSING_LISTED);
    expect(assembly.missing[0]).toBe(1);
    // Enumerating every seqNo would take seconds and gigabytes; this is microseconds.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });

  it('counts no negative or fractional seqNo towards completeness', () => {
    expect(assembleParts([{ seqNo: -1, tbc: true }, { seqNo: 1, tbc: false }]).complete).toBe(false);
  });
});
