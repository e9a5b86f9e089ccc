import type { Admission } from './admission';
import { sortByIntegerKey } from './radix-sort';
import { SaturationHeap } from './saturation.heap';
import type { SessionTable } from './session-table';

const idle = 0; // not admitted, or of a class not being filled: holds its value
const waiting = 1; // of the class being filled, at its minimum, which is above the water level
const rising = 2; // at the water level
const frozen = 3; // final

/**
 * Progressive filling of the admitted sessions, one priority class at a time from the highest.
 * Within a class a water level L rises; every session holds max(minimum, L) up to its (effective)
 * maximum. A session freezes when L reaches its maximum, or when a constraint it loads saturates
 * (then every session of the class on that constraint freezes at its current value). Lower classes
 * sit at their admitted minimum meanwhile.
 *
 * Exact and event-driven: each constraint's usage is linear in L (`base + slope × L`, integer mA),
 * so the level at which it saturates is `⌊(capacity − base) / slope⌋`, kept in an indexed heap.
 * Levels jump from event to event (a minimum reached, a maximum reached, a saturation), all
 * constraints saturating at one level are taken as one batch before any session freezes, so the
 * result does not depend on the order of the input. O((S + P) log C) for S sessions, P entries of
 * their paths and C constraints.
 */
export function fill(table: SessionTable, admission: Admission, priority: Float64Array, maximum: Float64Array): Float64Array {
  const filling = new WaterFilling(table, admission, maximum);
  for (const members of priorityClasses(admission.admitted, priority)) filling.fillClass(members);
  return filling.value;
}

/** Admitted session indices grouped by priority, highest first (a bucket per distinct priority). */
function priorityClasses(admitted: Uint8Array, priority: Float64Array): Int32Array[] {
  const levels = new Set<number>();
  for (let session = 0; session < admitted.length; session++) if (admitted[session] === 1) levels.add(priority[session]);
  const descending = [...levels].sort((a, b) => b - a);
  const classOf = new Map(descending.map((level, index) => [level, index]));
  const start = new Int32Array(descending.length + 1);
  for (let session = 0; session < admitted.length; session++) if (admitted[session] === 1) start[(classOf.get(priority[session]) ?? 0) + 1]++;
  for (let index = 0; index < descending.length; index++) start[index + 1] += start[index];
  const next = start.slice();
  const sessions = new Int32Array(start[descending.length]);
  for (let session = 0; session < admitted.length; session++) if (admitted[session] === 1) sessions[next[classOf.get(priority[session]) ?? 0]++] = session;
  return descending.map((_, index) => sessions.subarray(start[index], start[index + 1]));
}

class WaterFilling {
  readonly value: Float64Array;
  private readonly base: Float64Array;
  private readonly slope: Float64Array;
  private readonly state: Uint8Array;
  private readonly heap: SaturationHeap;
  private readonly dirty: Int32Array;
  private readonly isDirty: Uint8Array;
  private readonly batch: Int32Array;
  private dirtyCount = 0;
  private unfrozen = 0;

  constructor(
    private readonly table: SessionTable,
    admission: Admission,
    private readonly maximum: Float64Array,
  ) {
    const constraints = table.constraintCount;
    this.value = admission.value.slice();
    this.base = admission.used.slice();
    this.slope = new Float64Array(constraints);
    this.state = new Uint8Array(table.count);
    this.heap = new SaturationHeap(constraints);
    this.dirty = new Int32Array(constraints);
    this.isDirty = new Uint8Array(constraints);
    this.batch = new Int32Array(constraints);
  }

  fillClass(members: Int32Array): void {
    const { minimum } = this.table;
    const byMinimum = sortByIntegerKey(members, minimum);
    const byMaximum = sortByIntegerKey(members, this.maximum);
    for (const session of members) this.state[session] = waiting;
    this.unfrozen = members.length;
    let nextMinimum = 0;
    let nextMaximum = 0;
    while (this.unfrozen > 0) {
      while (nextMinimum < byMinimum.length && this.state[byMinimum[nextMinimum]] !== waiting) nextMinimum++;
      while (nextMaximum < byMaximum.length && this.state[byMaximum[nextMaximum]] === frozen) nextMaximum++;
      const level = Math.min(
        nextMinimum < byMinimum.length ? minimum[byMinimum[nextMinimum]] : Number.POSITIVE_INFINITY,
        nextMaximum < byMaximum.length ? this.maximum[byMaximum[nextMaximum]] : Number.POSITIVE_INFINITY,
        this.heap.peekKey(),
      );
      while (nextMinimum < byMinimum.length && minimum[byMinimum[nextMinimum]] <= level) this.startRising(byMinimum[nextMinimum++], level);
      while (nextMaximum < byMaximum.length && this.maximum[byMaximum[nextMaximum]] <= level) this.freeze(byMaximum[nextMaximum++], level);
      this.rekeyDirty();
      this.freezeSaturated(level);
      this.rekeyDirty();
    }
  }

  /** The water reached the session's minimum: from now on it rises with the level. */
  private startRising(session: number, level: number): void {
    if (this.state[session] !== waiting) return;
    if (this.maximum[session] <= level) {
      this.state[session] = frozen;
      this.unfrozen--;
      return;
    }
    this.state[session] = rising;
    const { pathStart, pathConstraint, pathWeight, minimum } = this.table;
    for (let at = pathStart[session]; at < pathStart[session + 1]; at++) {
      const constraint = pathConstraint[at];
      this.base[constraint] -= pathWeight[at] * minimum[session];
      this.slope[constraint] += pathWeight[at];
      this.markDirty(constraint);
    }
  }

  /** The session keeps what it holds at this level: the level if rising, its minimum if waiting. */
  private freeze(session: number, level: number): void {
    const state = this.state[session];
    if (state === frozen || state === idle) return;
    this.state[session] = frozen;
    this.unfrozen--;
    if (state !== rising) return;
    this.value[session] = level;
    const { pathStart, pathConstraint, pathWeight } = this.table;
    for (let at = pathStart[session]; at < pathStart[session + 1]; at++) {
      const constraint = pathConstraint[at];
      this.base[constraint] += pathWeight[at] * level;
      this.slope[constraint] -= pathWeight[at];
      this.markDirty(constraint);
    }
  }

  /** Every constraint full at this level, taken as one batch, freezes the class's sessions on it. */
  private freezeSaturated(level: number): void {
    let count = 0;
    while (this.heap.peekKey() <= level) this.batch[count++] = this.heap.pop();
    const { memberStart, member } = this.table;
    for (let index = 0; index < count; index++) {
      const constraint = this.batch[index];
      for (let at = memberStart[constraint]; at < memberStart[constraint + 1]; at++) this.freeze(member[at], level);
    }
  }

  private markDirty(constraint: number): void {
    if (this.isDirty[constraint] === 1) return;
    this.isDirty[constraint] = 1;
    this.dirty[this.dirtyCount++] = constraint;
  }

  /** Saturation level of each changed constraint: the highest level at which it still holds. */
  private rekeyDirty(): void {
    const { capacity } = this.table;
    for (let index = 0; index < this.dirtyCount; index++) {
      const constraint = this.dirty[index];
      this.isDirty[constraint] = 0;
      const slope = this.slope[constraint];
      this.heap.set(constraint, slope > 0 ? Math.floor((capacity[constraint] - this.base[constraint]) / slope) : Number.POSITIVE_INFINITY);
    }
    this.dirtyCount = 0;
  }
}
