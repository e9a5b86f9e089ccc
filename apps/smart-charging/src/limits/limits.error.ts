import { type FieldError, fieldErrorsDetail } from '@app/runtime';

export enum LimitsErrorCode {
  siteNotFound = 'site-not-found',
  nodeNotFound = 'node-not-found',
  scheduleNotFound = 'limit-schedule-not-found',
  invalidSchedule = 'invalid-limit-schedule',
  sourceForbidden = 'limit-source-forbidden',
  versionConflict = 'version-conflict',
}

/** Why a limit schedule cannot be written or read; the REST edge (limits-answer.ts) maps the code to an HTTP problem. */
export class LimitsError extends Error {
  constructor(
    readonly code: LimitsErrorCode,
    message: string,
    /** Further members of the problem body, e.g. `{ errors }` or `{ currentVersion }`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'LimitsError';
  }
}

export type LimitsResult<T> = { ok: true; value: T } | { ok: false; error: LimitsError };

export const succeeded = <T>(value: T): LimitsResult<T> => ({ ok: true, value });

export const failed = <T>(code: LimitsErrorCode, message: string, details?: Record<string, unknown>): LimitsResult<T> => ({
  ok: false,
  error: new LimitsError(code, message, details),
});

export function invalidSchedule<T>(errors: readonly FieldError[]): LimitsResult<T> {
  return failed(LimitsErrorCode.invalidSchedule, fieldErrorsDetail(errors), { errors });
}
