import { type CallOptions, RpcSession, type SessionFault, SessionFaultCode, versionOfSubprotocol } from '@app/ocpp';
import type { RateLimit } from '@app/config';
import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';
import { MessagePacer } from './abuse/message-pacer';
import { MessageRate } from './abuse/message-rate';
import type { ClientCertificateIdentity } from './client-certificate-identity';
import type { OcppSubprotocol } from './subprotocol';

export type CallHandler = (action: string, payload: Record<string, unknown>) => Promise<Record<string, unknown>>;

export interface StationConnectionOptions {
  callTimeoutMs: number;
  onFrame: (direction: 'received' | 'sent') => void;
  handleCall: CallHandler;
  logger: Logger;
  onClose: (connection: StationConnection, code: number, reason: string) => void;
  /** A CALL left unanswered or answered InternalError; without it each is logged on its own line. */
  onFault?: (fault: SessionFault) => void;
  /** The certificate a profile-3 connection was accepted with: a CRL loaded later may revoke it. */
  clientCertificate?: ClientCertificateIdentity;
  /** Absent: no limit on the station's message rate (ADR 040). */
  messageRate?: MessageRateOptions;
}

export interface MessageRateOptions {
  limit: RateLimit;
  /** Held back this long without a break: closed with 1008. */
  closeAfterMs: number;
  onHeld: () => void;
  onClosed: () => void;
}

/** WebSocket close codes we send (RFC 6455 §7.4.1). */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  policyViolation: 1008,
  /** IANA-registered: the server ends this session and the client should reconnect (ADR 039). */
  serviceRestart: 1012,
} as const;

/** How a drained connection was closed: with nothing unanswered, or when its wait for the last answers ran out. */
export type DrainOutcome = 'idle' | 'busy';

/** How often a draining connection looks whether its last CALLs have been answered. */
const IDLE_POLL_MS = 25;
/**
 * How long a draining connection must have been silent before it is closed: a station often sends
 * its next CALL the moment it gets an answer (a Heartbeat after MeterValues, a StatusNotification
 * after a stop), and a CALL that crosses our close frame goes unanswered (ADR 045).
 */
export const DRAIN_QUIET_MS = 250;

function logFault(logger: Logger, fault: SessionFault): void {
  if (fault.code === SessionFaultCode.ResponseWithheld) logger.warn({ action: fault.action, messageId: fault.messageId, err: fault.error }, 'answer withheld; the station will retry');
  else logger.error({ code: fault.code, action: fault.action, messageId: fault.messageId, err: fault.error }, 'failed to answer a station call');
}

/**
 * One accepted station socket: OCPP-J RPC over text frames, liveness by
 * ping/pong. Binary frames are not OCPP-J and close the connection.
 */
export class StationConnection {
  readonly session: RpcSession;
  readonly connectedAt = new Date();
  private answeredLastPing = true;
  private closing = false;
  private readonly pacer: MessagePacer<{ data: RawData; isBinary: boolean }> | undefined;
  /** When the last frame went either way: what the drain's quiet period is measured from. */
  private lastFrameAt = Date.now();
  /** Settles when the socket has closed (close handshake done, or the socket dropped). */
  readonly closed: Promise<void>;

  constructor(
    readonly stationId: string,
    readonly protocol: OcppSubprotocol,
    readonly securityProfile: number,
    private readonly socket: WebSocket,
    private readonly options: StationConnectionOptions,
  ) {
    this.session = new RpcSession({
      version: versionOfSubprotocol(protocol),
      side: 'csms',
      send: (text) => {
        this.lastFrameAt = Date.now();
        options.onFrame('sent');
        socket.send(text);
      },
      callTimeoutMs: options.callTimeoutMs,
      handleCall: (action, payload) => options.handleCall(action, payload as Record<string, unknown>),
      onProtocolWarning: (warning) => options.logger.warn({ warning: { code: warning.code, action: warning.action, messageId: warning.messageId } }, warning.description),
      onError: (fault) => (options.onFault ? options.onFault(fault) : logFault(options.logger, fault)),
    });
    this.pacer = options.messageRate && this.pacerOf(options.messageRate);
    socket.on('message', (data, isBinary) => {
      this.lastFrameAt = Date.now();
      options.onFrame('received');
      if (this.pacer) this.pacer.receive({ data, isBinary });
      else this.receive(data, isBinary);
    });
    socket.on('pong', () => {
      this.answeredLastPing = true;
    });
    socket.on('error', (error) => options.logger.warn({ err: error }, 'station socket error'));
    let settleClosed = () => {};
    this.closed = new Promise<void>((resolve) => (settleClosed = resolve));
    socket.once('close', (code, reason) => {
      this.pacer?.stop();
      this.session.close(`connection closed (${code})`);
      options.onClose(this, code, reason.toString());
      settleClosed();
    });
  }

  /**
   * Closes the connection once no CALL is unanswered in either direction (an answer to the
   * station is sent only once its message is durable) and no frame has passed for `quietMs`, or
   * when `waitMs` runs out (`busy` if a CALL was still unanswered then). CALLs that
   * arrive after the close frame are not handled: the station never gets their answer and sends
   * them again to the replica it reconnects to, so none is stored unanswered (ADR 045).
   */
  async drain(code: number, reason: string, waitMs: number, quietMs = DRAIN_QUIET_MS): Promise<DrainOutcome> {
    const until = Date.now() + waitMs;
    while ((this.busy || Date.now() - this.lastFrameAt < quietMs) && !this.session.closed && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(IDLE_POLL_MS, Math.max(1, until - Date.now()))));
    }
    const outcome: DrainOutcome = this.busy ? 'busy' : 'idle';
    if (this.pacer) {
      this.pacer.stop();
      // The pacer may have stopped reading; the close handshake needs the station's close frame.
      this.socket.resume();
    }
    this.close(code, reason);
    this.session.close('drained');
    return outcome;
  }

  /** A CALL is unanswered in either direction, or one the message rate holds back waits to be handled. */
  private get busy(): boolean {
    return this.session.busy || (this.pacer?.queued ?? 0) > 0;
  }

  /** Drops the socket without a close handshake: the station stopped answering while being drained. */
  terminate(): void {
    this.closing = true;
    this.socket.terminate();
  }

  /** Sends a CALL to the station; resolves with its CALLRESULT payload. `options.signal` withdraws it. */
  call(action: string, payload: Record<string, unknown>, options: CallOptions = {}): Promise<unknown> {
    return this.session.call(action, payload, options);
  }

  /** One keep-alive round: a peer that did not answer the previous ping is dead. */
  probe(): void {
    if (!this.answeredLastPing) {
      this.options.logger.info({ stationId: this.stationId }, 'station missed a pong; dropping the connection');
      this.socket.terminate();
      return;
    }
    this.answeredLastPing = false;
    this.socket.ping();
  }

  close(code: number, reason: string): void {
    this.closing = true;
    this.socket.close(code, reason);
  }

  get clientCertificate(): ClientCertificateIdentity | undefined {
    return this.options.clientCertificate;
  }

  /** The gateway has closed it (the close handshake may still be under way). */
  get isClosing(): boolean {
    return this.closing;
  }

  private pacerOf(rate: MessageRateOptions): MessagePacer<{ data: RawData; isBinary: boolean }> {
    return new MessagePacer(new MessageRate(rate.limit, rate.closeAfterMs, Date.now()), this.socket, {
      deliver: ({ data, isBinary }) => this.receive(data, isBinary),
      onHeld: rate.onHeld,
      onSustained: (heldForMs) => {
        rate.onClosed();
        this.options.logger.warn({ stationId: this.stationId, heldForMs }, 'station stayed above its message rate; closing the connection');
        this.close(CloseCode.policyViolation, 'message rate exceeded');
      },
    });
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.close(CloseCode.unsupportedData, 'OCPP-J uses text frames');
      return;
    }
    this.session.receive(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'));
  }
}
