import { AllocationInputError, AllocationInputErrorCode } from './allocation-input.error';
import { type AllocationSession, DEFAULT_MIN_A } from './allocation.types';
import { type ConstraintNetwork } from './constraint-network';
import { type ConstraintPaths, buildPaths } from './constraint-paths';
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
    facts.minimum[index] = milliampsAtLeast(currentOf(session, session.minA ?? DEFAULT_MIN_A));
    facts.maximum[index] = milliampsAtMost(currentOf(session, session.maxA));
    facts.node[index] = nodeOf(network, session);
    facts.phases[index] = phaseMask(session);
  }
  return facts;
}

function currentOf(session: AllocationSession, amperes: number): number {
  if (!(amperes >= 0) || !Number.isFinite(amperes)) throw new AllocationInputError(AllocationInputErrorCode.invalidCurrent, `session ${session.id} has a current that is not finite and ≥ 0`);
  return amperes;
}

function phaseBit(phase: string): number {
  return phase === 'L1' ? 1 : phase === 'L2' ? 2 : phase === 'L3' ? 4 : 0;
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

/** Bit per grid phase the session draws on; throws unless 1-3 distinct known phases. */
export function phaseMask(session: AllocationSession): number {
  let mask = 0;
  for (let index = 0; index < session.gridPhases.length; index++) {
    const bit = phaseBit(session.gridPhases[index]);
    if (bit === 0 || mask & bit) throw new AllocationInputError(AllocationInputErrorCode.invalidPhases, `session ${session.id} has phases ${session.gridPhases.join(',')}`);
    mask |= bit;
  }
  if (mask === 0) throw new AllocationInputError(AllocationInputErrorCode.invalidPhases, `session ${session.id} draws on no phase`);
  return mask;
}

function nodeOf(network: ConstraintNetwork, session: AllocationSession): number {
  const node = network.tree.indexOf.get(session.nodeId);
  if (node === undefined) throw new AllocationInputError(AllocationInputErrorCode.unknownNode, `session ${session.id} is on unknown node ${session.nodeId}`);
  return node;
}
