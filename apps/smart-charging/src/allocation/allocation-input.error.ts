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
