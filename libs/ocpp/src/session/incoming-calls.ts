import { OcppErrorKind } from '../errors/ocpp-error-kind';
import { OcppRpcError } from '../errors/ocpp-rpc.error';
import { isJsonObject } from '../framing/frame.parser';
import { serializeCallError, serializeCallResult } from '../framing/frame.serializer';
import type { CallFrame } from '../framing/rpc-frame';
import type { OcppVersion, Side } from '../ocpp-version';
import { validateCall, validateResponse } from '../validation/payload.validator';
import { WithholdResponse } from './rpc-session.error';
import { type CallHandler, type ProtocolWarning, ProtocolWarningCode, type SessionFault, SessionFaultCode } from './rpc-session.options';

export interface IncomingCallsOptions {
  readonly version: OcppVersion;
  readonly side: Side;
  readonly send: (text: string) => void;
  readonly handleCall: CallHandler;
  readonly validateOutgoing: boolean;
  readonly maxQueue: number;
  readonly warn: (warning: ProtocolWarning) => void;
  readonly fault: (fault: SessionFault) => void;
}

/**
 * The peer's CALLs, answered one at a time in arrival order: validate (known action, right
 * initiator, schema), run the handler, validate its result, send CALLRESULT or CALLERROR.
 */
export class IncomingCalls {
  private readonly queue: CallFrame[] = [];
  private draining: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly options: IncomingCallsOptions) {}

  accept(frame: CallFrame): void {
    if (this.closed) return;
    if (this.queue.length >= this.options.maxQueue) {
      const error = new OcppRpcError(OcppErrorKind.GenericError, `too many CALLs waiting (at most ${this.options.maxQueue}); send one at a time`);
      this.options.warn({ code: ProtocolWarningCode.IncomingQueueFull, description: error.description, messageId: frame.messageId, action: frame.action, error });
      this.transmit(frame, serializeCallError(this.options.version, frame.messageId, error));
      return;
    }
    this.queue.push(frame);
    this.draining ??= this.drain();
  }

  /** Resolves once every accepted CALL has been answered (or dropped by close). */
  whenIdle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  /** A CALL is being handled or waits for its turn. */
  get busy(): boolean {
    return this.draining !== undefined;
  }

  /** Drops waiting CALLs; the one being handled finishes but its answer is not sent. */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
  }

  private async drain(): Promise<void> {
    try {
      for (let frame = this.queue.shift(); frame !== undefined && !this.closed; frame = this.queue.shift()) {
        const answer = await this.answer(frame);
        if (answer !== undefined && !this.closed) this.transmit(frame, answer);
      }
    } finally {
      this.draining = undefined;
    }
  }

  /** The frame to send in answer to `frame`; undefined when the handler withheld the answer. */
  private async answer(frame: CallFrame): Promise<string | undefined> {
    const { version, side } = this.options;
    const check = validateCall(version, side === 'csms' ? 'station' : 'csms', frame.action, frame.payload);
    if (!check.ok) {
      this.options.warn({ code: ProtocolWarningCode.RejectedCall, description: check.error.description, messageId: frame.messageId, action: frame.action, error: check.error });
      return serializeCallError(version, frame.messageId, check.error);
    }
    let result: unknown;
    try {
      result = await this.options.handleCall(frame.action, frame.payload, { messageId: frame.messageId });
    } catch (error) {
      if (error instanceof OcppRpcError) return serializeCallError(version, frame.messageId, error);
      if (error instanceof WithholdResponse) {
        this.options.fault({ code: SessionFaultCode.ResponseWithheld, messageId: frame.messageId, action: frame.action, error });
        return undefined;
      }
      return this.internalError(frame, SessionFaultCode.HandlerFailed, error);
    }
    if (!isJsonObject(result)) {
      const notAnObject = new OcppRpcError(OcppErrorKind.TypeConstraintViolation, 'payload must be object');
      return this.internalError(frame, SessionFaultCode.InvalidHandlerResponse, notAnObject);
    }
    const response = this.options.validateOutgoing ? validateResponse(version, frame.action, result) : undefined;
    if (response && !response.ok) return this.internalError(frame, SessionFaultCode.InvalidHandlerResponse, response.error);
    try {
      return serializeCallResult(frame.messageId, result);
    } catch (error) {
      return this.internalError(frame, SessionFaultCode.HandlerFailed, error);
    }
  }

  /** Reports our own failure and answers InternalError without internals. */
  private internalError(frame: CallFrame, code: SessionFaultCode, error: unknown): string {
    this.options.fault({ code, messageId: frame.messageId, action: frame.action, error });
    const answer = new OcppRpcError(OcppErrorKind.InternalError, `an internal error occurred while processing ${frame.action}`);
    return serializeCallError(this.options.version, frame.messageId, answer);
  }

  private transmit(frame: CallFrame, text: string): void {
    try {
      this.options.send(text);
    } catch (error) {
      this.options.fault({ code: SessionFaultCode.SendFailed, messageId: frame.messageId, action: frame.action, error });
    }
  }
}
