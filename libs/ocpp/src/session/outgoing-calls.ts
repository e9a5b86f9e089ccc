import { randomUUID } from 'node:crypto';
import { isKnownAction } from '../catalogue/action.catalogue';
import { OcppRpcError } from '../errors/ocpp-rpc.error';
import { serializeCall } from '../framing/frame.serializer';
import type { CallErrorFrame, CallResultFrame, JsonObject } from '../framing/rpc-frame';
import type { OcppVersion } from '../ocpp-version';
import { validateResponse } from '../validation/payload.validator';
import { RpcSessionError, RpcSessionErrorCode } from './rpc-session.error';
import { type ProtocolWarning, ProtocolWarningCode } from './rpc-session.options';

interface QueuedCall {
  readonly action: string;
  readonly payload: object;
  readonly resolve: (payload: JsonObject) => void;
  readonly reject: (error: Error) => void;
}

interface PendingCall extends QueuedCall {
  readonly messageId: string;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** How the caller of one outgoing CALL can withdraw it. */
export interface CallOptions {
  /**
   * Aborting withdraws the call: still queued, it is removed unsent; already sent, it stays
   * outstanding (one CALL at a time) until answered or timed out, but the caller stops waiting.
   * Either way the call rejects with `RpcSessionErrorCode.Aborted`.
   */
  readonly signal?: AbortSignal;
}

export interface OutgoingCallsOptions {
  readonly version: OcppVersion;
  readonly send: (text: string) => void;
  readonly callTimeoutMs: number;
  readonly maxQueue: number;
  readonly warn: (warning: ProtocolWarning) => void;
}

/** How many timed-out messageIds to remember, to tell a late answer from a stray one. */
const REMEMBERED_TIMEOUTS = 32;

/**
 * Our CALLs to the peer: at most one outstanding (OCPP-J), the rest waiting in FIFO order.
 * An answer settles the outstanding call; a timeout or a rejection moves the queue on.
 */
export class OutgoingCalls {
  private readonly queue: QueuedCall[] = [];
  private pending: PendingCall | undefined;
  private readonly timedOut: string[] = [];
  private closedWith: RpcSessionError | undefined;

  constructor(private readonly options: OutgoingCallsOptions) {}

  enqueue(action: string, payload: object, { signal }: CallOptions = {}): Promise<JsonObject> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    if (signal?.aborted) return Promise.reject(withdrawn(action));
    if (this.queue.length >= this.options.maxQueue) {
      return Promise.reject(new RpcSessionError(RpcSessionErrorCode.QueueFull, `${this.options.maxQueue} calls are already waiting; ${action} not sent`));
    }
    return new Promise<JsonObject>((resolve, reject) => {
      const onAbort = () => this.abort(call);
      const detach = () => signal?.removeEventListener('abort', onAbort);
      const call: QueuedCall = {
        action,
        payload,
        resolve: (answer) => {
          detach();
          resolve(answer);
        },
        reject: (error) => {
          detach();
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(call);
      this.sendNext();
    });
  }

  /** A CALL awaits its answer or waits to be sent. */
  get busy(): boolean {
    return this.pending !== undefined || this.queue.length > 0;
  }

  /** A CALLRESULT: resolves the outstanding call if its payload is a valid response. */
  settleResult(frame: CallResultFrame): void {
    const call = this.take(frame.messageId, 'CALLRESULT');
    if (!call) return;
    // An action outside the catalogue can only have been sent with validateOutgoing off: no schema to check.
    const check = isKnownAction(this.options.version, call.action) ? validateResponse(this.options.version, call.action, frame.payload) : undefined;
    if (check === undefined || check.ok) call.resolve(frame.payload);
    else call.reject(invalidResponse(call, check.error));
    this.sendNext();
  }

  /** A CALLERROR: rejects the outstanding call with the peer's error. */
  settleError(frame: CallErrorFrame): void {
    const call = this.take(frame.messageId, 'CALLERROR');
    if (!call) return;
    call.reject(OcppRpcError.fromCallError(frame.errorCode, frame.errorDescription, frame.errorDetails));
    this.sendNext();
  }

  /** A malformed CALLRESULT/CALLERROR: fails the outstanding call if it carried its messageId. */
  settleMalformed(messageId: string, error: OcppRpcError): void {
    const call = this.take(messageId, 'malformed answer');
    if (!call) return;
    call.reject(invalidResponse(call, error));
    this.sendNext();
  }

  close(reason: string): void {
    if (this.closedWith) return;
    this.closedWith = new RpcSessionError(RpcSessionErrorCode.Closed, `session closed: ${reason}`);
    const pending = this.pending;
    this.pending = undefined;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(this.closedWith);
    }
    for (const call of this.queue.splice(0)) call.reject(this.closedWith);
  }

  /** The caller gave up on `call`: unsent, it leaves the queue; sent, its answer will settle nothing. */
  private abort(call: QueuedCall): void {
    const index = this.queue.indexOf(call);
    if (index >= 0) {
      this.queue.splice(index, 1);
      call.reject(withdrawn(call.action));
      return;
    }
    const pending = this.pending;
    // Not queued and not outstanding: already settled, nothing to do.
    if (pending === undefined || pending.reject !== call.reject) return;
    pending.reject(new RpcSessionError(RpcSessionErrorCode.Aborted, `${call.action} (${pending.messageId}) was abandoned while awaiting its answer`));
  }

  private take(messageId: string, what: string): PendingCall | undefined {
    const pending = this.pending;
    if (pending && pending.messageId === messageId) {
      clearTimeout(pending.timer);
      this.pending = undefined;
      return pending;
    }
    const late = this.timedOut.includes(messageId);
    this.options.warn({
      code: late ? ProtocolWarningCode.LateResponse : ProtocolWarningCode.UnexpectedResponse,
      description: late ? `${what} for ${messageId} arrived after the call timed out` : `${what} for ${messageId} matches no outstanding call`,
      messageId,
    });
    return undefined;
  }

  private sendNext(): void {
    while (this.pending === undefined && this.closedWith === undefined) {
      const call = this.queue.shift();
      if (call === undefined) return;
      this.dispatch(call);
    }
  }

  private dispatch(call: QueuedCall): void {
    const messageId = randomUUID();
    let text: string;
    try {
      text = serializeCall(messageId, call.action, call.payload);
    } catch (error) {
      call.reject(new RpcSessionError(RpcSessionErrorCode.SendFailed, `${call.action} payload cannot be serialised`, error));
      return;
    }
    this.pending = { ...call, messageId, timer: this.startTimer(messageId) };
    try {
      this.options.send(text);
    } catch (error) {
      clearTimeout(this.pending.timer);
      this.pending = undefined;
      call.reject(new RpcSessionError(RpcSessionErrorCode.SendFailed, `${call.action} could not be sent`, error));
    }
  }

  private startTimer(messageId: string): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => this.expire(messageId), this.options.callTimeoutMs);
    timer.unref?.();
    return timer;
  }

  private expire(messageId: string): void {
    const call = this.pending;
    if (!call || call.messageId !== messageId) return;
    this.pending = undefined;
    this.timedOut.push(messageId);
    if (this.timedOut.length > REMEMBERED_TIMEOUTS) this.timedOut.shift();
    call.reject(new RpcSessionError(RpcSessionErrorCode.Timeout, `${call.action} (${messageId}) got no answer within ${this.options.callTimeoutMs} ms`));
    this.sendNext();
  }
}

function withdrawn(action: string): RpcSessionError {
  return new RpcSessionError(RpcSessionErrorCode.Aborted, `${action} was withdrawn before it was sent`);
}

function invalidResponse(call: PendingCall, error: OcppRpcError): RpcSessionError {
  return new RpcSessionError(RpcSessionErrorCode.InvalidResponse, `${call.action} response is invalid: ${error.description}`, error);
}
