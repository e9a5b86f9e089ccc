export enum RpcSessionErrorCode {
  /** No CALLRESULT/CALLERROR within `callTimeoutMs`. */
  Timeout = 'timeout',
  /** The session was closed before the call was answered. */
  Closed = 'closed',
  /** `maxQueue` calls are already waiting. */
  QueueFull = 'queue-full',
  /** The peer's answer is not a valid CALLRESULT for the action; `cause` is the OcppRpcError. */
  InvalidResponse = 'invalid-response',
  /** The transport's `send` threw or the payload could not be serialised; `cause` is that error. */
  SendFailed = 'send-failed',
  /** The caller's `signal` aborted: a queued call was withdrawn unsent, or a sent call's answer is no longer awaited. */
  Aborted = 'aborted',
}

/** Why an outgoing call failed on this side (the peer's CALLERRORs are OcppRpcErrors instead). */
export class RpcSessionError extends Error {
  constructor(
    readonly code: RpcSessionErrorCode,
    message: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'RpcSessionError';
  }
}

/**
 * Thrown by a CALL handler that must send no answer at all, neither CALLRESULT nor CALLERROR:
 * typically because what the CALL reported could not be made durable yet (database or broker
 * unavailable). The peer's call times out and it sends the CALL again, which is what OCPP asks
 * of stations for transaction-related messages. The session reports it through `onError`
 * (`SessionFaultCode.ResponseWithheld`) and goes on with the next CALL.
 */
export class WithholdResponse extends Error {
  constructor(
    readonly reason: string,
    cause?: unknown,
  ) {
    super(reason, cause === undefined ? undefined : { cause });
    this.name = 'WithholdResponse';
  }
}
