import { Problem } from '@app/runtime';
import { type ApiResult, type OperatorApiError, OperatorApiErrorCode } from './operator-api.error';

/** The HTTP status of each operator API error: the one place where codes meet HTTP. */
export const statusOfError: Readonly<Record<OperatorApiErrorCode, number>> = {
  [OperatorApiErrorCode.stationNotFound]: 404,
  [OperatorApiErrorCode.stationNotPending]: 409,
  [OperatorApiErrorCode.credentialsMissing]: 422,
  [OperatorApiErrorCode.transactionNotFound]: 404,
  [OperatorApiErrorCode.transactionAmbiguous]: 409,
  [OperatorApiErrorCode.idTokenNotFound]: 404,
  [OperatorApiErrorCode.stationNotConnected]: 409,
  [OperatorApiErrorCode.stationTimeout]: 504,
  [OperatorApiErrorCode.stationCallError]: 502,
  [OperatorApiErrorCode.commandNotExpressible]: 422,
  [OperatorApiErrorCode.commandNotDelivered]: 503,
  [OperatorApiErrorCode.commandNotFound]: 404,
  [OperatorApiErrorCode.requestNotFound]: 404,
  [OperatorApiErrorCode.monitoringReportNotFound]: 404,
  [OperatorApiErrorCode.reservationNotFound]: 404,
  [OperatorApiErrorCode.reservationNotHeld]: 409,
  [OperatorApiErrorCode.reservationInvalid]: 422,
};

export function problemOf(error: OperatorApiError): Problem {
  return new Problem({ status: statusOfError[error.code], code: error.code, detail: error.message, extensions: error.details });
}

/** The value of a use case's result, or its error as a problem answer. */
export function answer<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw problemOf(result.error);
}
