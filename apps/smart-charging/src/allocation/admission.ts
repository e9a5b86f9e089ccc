import type { SessionTable } from './session-table';

export interface Admission {
  /** Per session, mA: its minimum when admitted, else 0. */
  readonly value: Float64Array;
  readonly admitted: Uint8Array;
  /** Per constraint, mA: fixed loads plus the admitted minimums. */
  readonly used: Float64Array;
}

/**
 * Admits sessions at their minimum in `order`, each one only if its minimum fits alongside the fixed
 * loads and the minimums already admitted on every constraint it loads; the others get 0 (paused,
 * IEC 61851). A session whose maximum is below its minimum cannot be served and is never admitted.
 */
export function admit(table: SessionTable, order: Int32Array, maximum: Float64Array): Admission {
  const { capacity, minimum, pathStart, pathConstraint, pathWeight } = table;
  const used = table.fixed.slice();
  const value = new Float64Array(table.count);
  const admitted = new Uint8Array(table.count);
  for (const session of order) {
    const need = minimum[session];
    if (maximum[session] < need) continue;
    let fits = true;
    for (let at = pathStart[session]; at < pathStart[session + 1] && fits; at++) {
      const constraint = pathConstraint[at];
      fits = used[constraint] + pathWeight[at] * need <= capacity[constraint];
    }
    if (!fits) continue;
    for (let at = pathStart[session]; at < pathStart[session + 1]; at++) used[pathConstraint[at]] += pathWeight[at] * need;
    value[session] = need;
    admitted[session] = 1;
  }
  return { value, admitted, used };
}
