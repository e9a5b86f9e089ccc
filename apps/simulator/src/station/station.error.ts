export enum StationErrorCode {
  /** The settings cannot produce a connection (bad URL, missing password or certificate). */
  InvalidSettings = 'invalid-settings',
  /** The CSMS refused the upgrade or the network failed. */
  ConnectFailed = 'connect-failed',
  /** A step needs an open connection. */
  NotConnected = 'not-connected',
  /** The CSMS answered a CALL with a CALLERROR, the call timed out or the connection closed. */
  CallFailed = 'call-failed',
  /** BootNotification was not accepted within the allowed attempts. */
  BootNotAccepted = 'boot-not-accepted',
  /** The CSMS did not accept the idToken. */
  NotAuthorized = 'not-authorized',
  /** No such connector/EVSE, or it is busy or unavailable. */
  EvseUnavailable = 'evse-unavailable',
  /** No transaction runs where one was expected. */
  NoTransaction = 'no-transaction',
  /** An awaited event or condition did not happen in time. */
  Timeout = 'timeout',
}

/** Why a station step failed; `detail` carries the underlying OcppRpcError / RpcSessionError / failure. */
export class StationError extends Error {
  constructor(
    readonly code: StationErrorCode,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'StationError';
  }
}
