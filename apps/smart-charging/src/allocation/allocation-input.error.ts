export enum AllocationInputErrorCode {
  duplicateNode = 'duplicate-node',
  unknownParent = 'unknown-parent',
  cycle = 'cycle',
  invalidLimit = 'invalid-limit',
  duplicateSession = 'duplicate-session',
  unknownNode = 'unknown-node',
  invalidPhases = 'invalid-phases',
  invalidCurrent = 'invalid-current',
  invalidPriority = 'invalid-priority',
  invalidVoltage = 'invalid-voltage',
}

/**
 * Input the allocation engine cannot work on (a malformed tree, a session on a node that does not
 * exist, a NaN current): a caller's bug, never an expected state of a site.
 */
export class AllocationInputError extends Error {
  constructor(
    readonly code: AllocationInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AllocationInputError';
  }
}

/** `amperes` when it is a finite current ≥ 0; throws `invalidCurrent` naming its owner otherwise. */
export function checkedCurrent(owner: string, amperes: number): number {
  if (!(amperes >= 0) || !Number.isFinite(amperes)) throw new AllocationInputError(AllocationInputErrorCode.invalidCurrent, `${owner} has a current that is not finite and ≥ 0`);
  return amperes;
}
