import { listDigest } from './local-list.entries';
import type { SyncOutcome } from './local-list.repository';
import type { SyncState } from './local-list.sync';

/** What the state of a station's list is derived from: its stored row, and the digest of what it should hold now. */
export interface StateInput {
  readonly outcome: SyncOutcome | null;
  readonly digest: string | null;
  readonly desiredDigest: string;
}

/** A station never given a list holds none, as far as the CSMS knows. */
const EMPTY_LIST_DIGEST = listDigest([]);

/**
 * A list is in sync while the station holds what the id-token store says it should: a token
 * change turns every station's list pending without touching their rows, and the next
 * synchronisation (a push, or the reconciliation at the station's next boot) sends the difference.
 */
export function syncStateOf(input: StateInput): SyncState {
  if (input.outcome === 'not-supported') return 'not-supported';
  if ((input.digest ?? EMPTY_LIST_DIGEST) === input.desiredDigest) return 'in-sync';
  return input.outcome === 'failed' ? 'failed' : 'pending';
}
