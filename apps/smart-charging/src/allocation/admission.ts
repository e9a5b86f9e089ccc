import type { SessionTable } from './session-table';

export interface Admission {
  /** Per session, mA: its minimum when admitted, else 0. */
  readonly value: Float64Array;
  readonly admitted: Uint8Array;
  /** Per constraint, mA: fixed loads plus the admitted minimums. */
  readonly used: Float64Array;
}

/** Puts a set of session indices in admission order (see `admissionOrder`). */
export type AdmissionRanking = (sessions: Int32Array) => Int32Array;

/**
 * Admits sessions at their minimum in admission order, each one only if its minimum fits alongside
 * the fixed loads and the minimums already admitted on every constraint it loads; the others get 0
 * (paused, IEC 61851). A session whose maximum is below its minimum cannot be served and is never
 * admitted.
 *
 * Only the order of contended sessions matters: those on a constraint that cannot hold every
 * minimum on it at once. Every other session fits whatever was admitted before it, so it is
 * admitted without being ranked, and only the contended ones are sorted (none on a site sized
 * for its EVSEs). The result is the same as ranking everybody.
 */
export function admit(table: SessionTable, maximum: Float64Array, rank: AdmissionRanking): Admission {
  const { capacity, minimum, pathStart, pathConstraint, pathWeight } = table;
  const contended = contendedSessions(table, maximum);
  const used = table.fixed.slice();
  const value = new Float64Array(table.count);
  const admitted = new Uint8Array(table.count);
  const add = (session: number) => {
    for (let at = pathStart[session]; at < pathStart[session + 1]; at++) used[pathConstraint[at]] += pathWeight[at] * minimum[session];
    value[session] = minimum[session];
    admitted[session] = 1;
  };
  for (let session = 0; session < table.count; session++) if (contended.flag[session] === 0 && maximum[session] >= minimum[session]) add(session);
  for (const session of rank(contended.sessions)) {
    let fits = true;
    for (let at = pathStart[session]; at < pathStart[session + 1] && fits; at++) {
      fits = used[pathConstraint[at]] + pathWeight[at] * minimum[session] <= capacity[pathConstraint[at]];
    }
    if (fits) add(session);
  }
  return { value, admitted, used };
}

/** The servable sessions on some constraint whose fixed loads and minimums together exceed it. */
function contendedSessions(table: SessionTable, maximum: Float64Array): { flag: Uint8Array; sessions: Int32Array } {
  const { capacity, minimum, pathStart, pathConstraint, pathWeight } = table;
  const demand = table.fixed.slice();
  for (let session = 0; session < table.count; session++) {
    if (maximum[session] < minimum[session]) continue;
    for (let at = pathStart[session]; at < pathStart[session + 1]; at++) demand[pathConstraint[at]] += pathWeight[at] * minimum[session];
  }
  const flag = new Uint8Array(table.count);
  const sessions: number[] = [];
  for (let session = 0; session < table.count; session++) {
    if (maximum[session] < minimum[session]) continue;
    for (let at = pathStart[session]; at < pathStart[session + 1]; at++) {
      if (demand[pathConstraint[at]] > capacity[pathConstraint[at]]) {
        flag[session] = 1;
        sessions.push(session);
        break;
      }
    }
  }
  return { flag, sessions: Int32Array.from(sessions) };
}
