import { slotOverlaps } from './slot-overlap';

const slot = (start: string, durationS: number) => ({ start, durationS });

describe('slotOverlaps', () => {
  it('accepts slots that follow each other, touching or with gaps, in any order', () => {
    expect(slotOverlaps([slot('2025-06-01T11:00:00Z', 3600), slot('2025-06-01T10:00:00Z', 3600), slot('2025-06-01T13:00:00Z', 60)])).toEqual([]);
  });

  it('names the later slot and the one it overlaps, with the instant that one lasts until', () => {
    expect(slotOverlaps([slot('2025-06-01T10:00:00Z', 3600), slot('2025-06-01T10:59:59Z', 60)])).toEqual([
      { index: 1, overlaps: 0, message: 'overlaps slots[0], which lasts until 2025-06-01T11:00:00.000Z' },
    ]);
  });

  it('compares instants, not texts: the same instant in another offset overlaps', () => {
    expect(slotOverlaps([slot('2025-06-01T12:30:00+02:00', 600), slot('2025-06-01T10:00:00Z', 3600)])).toEqual([
      { index: 0, overlaps: 1, message: 'overlaps slots[1], which lasts until 2025-06-01T11:00:00.000Z' },
    ]);
  });

  it('finds a slot inside a long one even after a shorter one in between', () => {
    const overlaps = slotOverlaps([slot('2025-06-01T00:00:00Z', 86_400), slot('2025-06-01T01:00:00Z', 60), slot('2025-06-01T05:00:00Z', 60)]);
    expect(overlaps.map(({ index, overlaps: other }) => [index, other])).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  it('refuses two slots with the same start', () => {
    expect(slotOverlaps([slot('2025-06-01T10:00:00Z', 60), slot('2025-06-01T10:00:00Z', 60)])).toHaveLength(1);
  });
});
