import { parseFrame } from '../framing/frame.parser';
import { serializeCallError } from '../framing/frame.serializer';
import { type FramingFailure, type JsonObject, MessageType } from '../framing/rpc-frame';
import type { ActionOf, RequestOf, ResponseOf } from '../messages';
import type { OcppVersion } from '../ocpp-version';
import { validateCall } from '../validation/payload.validator';
import { IncomingCalls } from './incoming-calls';
import { type CallOptions, OutgoingCalls } from './outgoing-calls';
import { DEFAULT_MAX_QUEUE, ProtocolWarningCode, type RpcSessionOptions, SessionFaultCode } from './rpc-session.options';

export type { CallOptions } from './outgoing-calls';

/**
 * The OCPP-J RPC engine of one connection, for either side (CSMS gateway or station simulator).
 * Transport-agnostic: feed it received text with `receive`, it sends through `options.send`.
 * Incoming CALLs are validated and answered one at a time in arrival order; outgoing CALLs go
 * one at a time (FIFO), each with a timeout, and their answers are validated.
 */
export class RpcSession<V extends OcppVersion = OcppVersion> {
  readonly version: V;
  private readonly outgoing: OutgoingCalls;
  private readonly incoming: IncomingCalls;
  private isClosed = false;

  constructor(private readonly options: RpcSessionOptions<V>) {
    this.version = options.version;
    const maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
    const warn = options.onProtocolWarning ?? (() => undefined);
    this.outgoing = new OutgoingCalls({ version: options.version, send: options.send, callTimeoutMs: options.callTimeoutMs, maxQueue, warn });
    this.incoming = new IncomingCalls({
      version: options.version,
      side: options.side,
      send: options.send,
      handleCall: options.handleCall,
      validateOutgoing: options.validateOutgoing ?? true,
      maxQueue,
      warn,
      fault: options.onError ?? (() => undefined),
    });
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Processes one received text frame. Never throws; ignored once closed. */
  receive(text: string): void {
    if (this.isClosed) return;
    const parsed = parseFrame(this.options.version, text);
    if (!parsed.ok) {
      this.rejectMalformed(parsed.failure);
      return;
    }
    const { frame } = parsed;
    if (frame.type === MessageType.Call) this.incoming.accept(frame);
    else if (frame.type === MessageType.CallResult) this.outgoing.settleResult(frame);
    else this.outgoing.settleError(frame);
  }

  /**
   * Sends a CALL and resolves with the peer's CALLRESULT payload (checked against the response
   * schema). Rejects with an OcppRpcError when the request is invalid (nothing is sent) or the
   * peer answers with a CALLERROR, and with an RpcSessionError on timeout, close, full queue,
   * invalid response or transport failure, and when `options.signal` aborts (`Aborted`: a call
   * still queued is then never sent). With `validateOutgoing: false` any action may be sent.
   */
  call(action: string, payload: object, options: CallOptions = {}): Promise<JsonObject> {
    if (!this.isClosed && (this.options.validateOutgoing ?? true)) {
      const check = validateCall(this.options.version, this.options.side, action, payload);
      if (!check.ok) return Promise.reject(check.error);
    }
    return this.outgoing.enqueue(action, payload, options);
  }

  /** `call` with the request and response types of the action in this session's version. */
  async callTyped<A extends ActionOf<V>>(action: A, payload: RequestOf<V, A>, options: CallOptions = {}): Promise<ResponseOf<V, A>> {
    // The response was checked against the action's schema, which the type was generated from.
    return (await this.call(action, payload as object, options)) as ResponseOf<V, A>;
  }

  /** Resolves once every CALL received so far has been answered. */
  whenIdle(): Promise<void> {
    return this.incoming.whenIdle();
  }

  /** A CALL in either direction is unanswered: received and not yet answered, or sent (or queued) and not yet answered. */
  get busy(): boolean {
    return this.incoming.busy || this.outgoing.busy;
  }

  /** Rejects the outstanding and queued outgoing calls, drops queued incoming CALLs, ignores further input. */
  close(reason: string): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.incoming.close();
    this.outgoing.close(reason);
  }

  private rejectMalformed(failure: FramingFailure): void {
    // A CALLRESULT or CALLERROR is never answered; it can only fail the call it answers.
    if (failure.messageType === MessageType.CallResult || failure.messageType === MessageType.CallError) {
      this.outgoing.settleMalformed(failure.messageId, failure.error);
      return;
    }
    this.options.onProtocolWarning?.({
      code: ProtocolWarningCode.MalformedFrame,
      description: failure.error.description,
      messageId: failure.messageId,
      error: failure.error,
    });
    try {
      this.options.send(serializeCallError(this.options.version, failure.messageId, failure.error));
    } catch (error) {
      this.options.onError?.({ code: SessionFaultCode.SendFailed, messageId: failure.messageId, error });
    }
  }
}
