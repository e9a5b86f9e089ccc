import { AllocationInputError, AllocationInputErrorCode, checkedCurrent } from './allocation-input.error';
import { type AllocationSession, DEFAULT_MIN_A } from './allocation.types';
import { type ConstraintNetwork } from './constraint-network';
import { type ConstraintPaths, buildPaths } from './constraint-paths';
import { phaseMask } from './grid-phases';
import { milliampsAtLeast, milliampsAtMost } from './milliamps';

/** What the engine needs of each session, by array index, checked. */
export interface SessionFacts {
  readonly count: number;
  /** Node index and phase bits (L1 = 1, L2 = 2, L3 = 4) per session. */
  readonly node: Int32Array;
  readonly phases: Uint8Array;
  /** mA, rounded up. */
  readonly minimum: Float64Array;
  /** mA, rounded down. */
  readonly maximum: Float64Array;
}

/** Sessions with the constraints they load (`ConstraintPaths`). */
export type SessionTable = SessionFacts & ConstraintPaths;

export function buildSessionTable(network: ConstraintNetwork, sessions: readonly AllocationSession[]): SessionTable {
  const facts = readSessions(network, sessions);
  return { ...facts, ...buildPaths(network, facts) };
}

function readSessions(network: ConstraintNetwork, sessions: readonly AllocationSession[]): SessionFacts {
  const count = sessions.length;
  const facts = { count, node: new Int32Array(count), phases: new Uint8Array(count), minimum: new Float64Array(count), maximum: new Float64Array(count) };
  for (let index = 0; index < count; index++) {
    const session = sessions[index];
    facts.minimum[index] = milliampsAtLeast(checkedCurrent(`session ${session.id}`, session.minA ?? DEFAULT_MIN_A));
    facts.maximum[index] = milliampsAtMost(checkedCurrent(`session ${session.id}`, session.maxA));
    facts.node[index] = nodeOf(network, session);
    facts.phases[index] = phaseMask(session.gridPhases, `session ${session.id}`);
  }
  return facts;
}

/**
 * Duplicate session ids are found after the fact (the answer's map holds fewer entries than there
 * are sessions): cheaper than a set of ids on every run. This names the first duplicate.
 */
export function duplicateSessionError(sessions: readonly AllocationSession[]): AllocationInputError {
  const seen = new Set<string>();
  const duplicate = sessions.find((session) => seen.size === seen.add(session.id).size);
  return new AllocationInputError(AllocationInputErrorCode.duplicateSession, `session ${duplicate?.id} appears twice`);
}

function nodeOf(network: ConstraintNetwork, session: AllocationSession): number {
  const node = network.tree.indexOf.get(session.nodeId);
  if (node === undefined) throw new AllocationInputError(AllocationInputErrorCode.unknownNode, `session ${session.id} is on unknown node ${session.nodeId}`);
  return node;
}
