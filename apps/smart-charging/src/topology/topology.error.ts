import { type FieldError, fieldErrorsDetail } from '@app/runtime';

export enum TopologyErrorCode {
  siteNotFound = 'site-not-found',
  nodeNotFound = 'node-not-found',
  siteExists = 'site-exists',
  nodeExists = 'node-exists',
  stationAssigned = 'station-assigned',
  /** A node of a site with a tenant names a station that tenant does not hold (or that does not exist: the same answer). */
  stationNotFound = 'station-not-found',
  evseExists = 'evse-exists',
  invalidTopology = 'invalid-topology',
  versionConflict = 'version-conflict',
  nodeHasChildren = 'node-has-children',
  siteRoot = 'site-root',
}

/** Why a topology change or lookup cannot be carried out; the REST edge (topology-answer.ts) maps the code to an HTTP problem. */
export class TopologyError extends Error {
  constructor(
    readonly code: TopologyErrorCode,
    message: string,
    /** Further members of the problem body, e.g. `{ errors }` or `{ currentVersion }`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'TopologyError';
  }
}

export type TopologyResult<T> = { ok: true; value: T } | { ok: false; error: TopologyError };

export const succeeded = <T>(value: T): TopologyResult<T> => ({ ok: true, value });

export const failed = <T>(code: TopologyErrorCode, message: string, details?: Record<string, unknown>): TopologyResult<T> => ({
  ok: false,
  error: new TopologyError(code, message, details),
});

/** A failure naming each offending field, its detail the first of them (as a 400 of the validation pipe reads). */
export function failedFields<T>(code: TopologyErrorCode, errors: readonly FieldError[]): TopologyResult<T> {
  return failed(code, fieldErrorsDetail(errors), { errors });
}
