/** Where a slot lies in time; start is an ISO 8601 instant. */
export interface SlotSpan {
  start: string;
  durationS: number;
}

export interface SlotOverlap {
  /** Index (as given) of the later-starting slot of the pair. */
  index: number;
  /** Index of the slot it overlaps. */
  overlaps: number;
  message: string;
}

/**
 * Every slot that overlaps an earlier-starting one: slots are sorted by start and each is
 * compared with the one that reaches furthest among those before it. Slots that only touch (one
 * ends when the next starts) do not overlap.
 */
export function slotOverlaps(slots: readonly SlotSpan[]): SlotOverlap[] {
  const spans = slots.map((slot, index) => ({ index, start: Date.parse(slot.start), end: Date.parse(slot.start) + slot.durationS * 1000 }));
  spans.sort((a, b) => a.start - b.start || a.index - b.index);
  const overlaps: SlotOverlap[] = [];
  let furthest: (typeof spans)[number] | undefined;
  for (const span of spans) {
    if (furthest !== undefined && span.start < furthest.end) {
      const ends = new Date(furthest.end).toISOString();
      overlaps.push({ index: span.index, overlaps: furthest.index, message: `overlaps slots[${furthest.index}], which lasts until ${ends}` });
    }
    if (furthest === undefined || span.end > furthest.end) furthest = span;
  }
  return overlaps.sort((a, b) => a.index - b.index);
}
