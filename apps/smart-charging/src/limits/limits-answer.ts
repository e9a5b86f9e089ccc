import { Problem } from '@app/runtime';
import { type LimitsError, LimitsErrorCode, type LimitsResult } from './limits.error';

/** The HTTP status of each limits error: the one place where its codes meet HTTP. */
export const statusOfLimitsError: Readonly<Record<LimitsErrorCode, number>> = {
  [LimitsErrorCode.siteNotFound]: 404,
  [LimitsErrorCode.nodeNotFound]: 404,
  [LimitsErrorCode.scheduleNotFound]: 404,
  [LimitsErrorCode.invalidSchedule]: 400,
  [LimitsErrorCode.sourceForbidden]: 403,
  [LimitsErrorCode.versionConflict]: 409,
};

export function limitsProblemOf(error: LimitsError): Problem {
  return new Problem({ status: statusOfLimitsError[error.code], code: error.code, detail: error.message, extensions: error.details });
}

/** The value of a use case's result, or its error as a problem answer. */
export function limitsAnswer<T>(result: LimitsResult<T>): T {
  if (result.ok) return result.value;
  throw limitsProblemOf(result.error);
}
