export enum OperatorApiErrorCode {
  stationNotFound = 'station-not-found',
  stationNotPending = 'station-not-pending',
  credentialsMissing = 'credentials-missing',
  transactionNotFound = 'transaction-not-found',
  transactionAmbiguous = 'transaction-ambiguous',
  idTokenNotFound = 'id-token-not-found',
  stationNotConnected = 'station-not-connected',
  stationTimeout = 'station-timeout',
  stationCallError = 'station-call-error',
  commandNotExpressible = 'command-not-expressible',
  commandNotDelivered = 'command-not-delivered',
  commandNotFound = 'command-not-found',
  requestNotFound = 'request-not-found',
  monitoringReportNotFound = 'monitoring-report-not-found',
  reservationNotFound = 'reservation-not-found',
  reservationNotHeld = 'reservation-not-held',
  reservationInvalid = 'reservation-invalid',
}

/** Why an operator request cannot be carried out; the REST edge (api-answer.ts) maps the code to an HTTP problem. */
export class OperatorApiError extends Error {
  constructor(
    readonly code: OperatorApiErrorCode,
    message: string,
    /** Further members of the problem body, e.g. `{ stationErrorCode }`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'OperatorApiError';
  }
}

/** What a use case of the operator API returns: a value, or an error with a code. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: OperatorApiError };

export const succeeded = <T>(value: T): ApiResult<T> => ({ ok: true, value });

export const failed = <T>(code: OperatorApiErrorCode, message: string, details?: Record<string, unknown>): ApiResult<T> => ({
  ok: false,
  error: new OperatorApiError(code, message, details),
});
