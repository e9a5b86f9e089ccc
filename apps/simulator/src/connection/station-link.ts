import { type JsonObject, OcppRpcError, type OcppVersion, RpcSession, RpcSessionError } from '@app/ocpp';
import type WebSocket from 'ws';
import type { RawData } from 'ws';
import type { StationEvents } from '../station/station-events';
import { StationError, StationErrorCode } from '../station/station.error';
import { type ConnectionSettings, socketTargetOf } from './connection-settings';
import { openStationSocket } from './station-socket';

/** Answers one CSMS CALL with a response payload, or throws an OcppRpcError. */
export type IncomingCallHandler = (action: string, payload: JsonObject) => Promise<object>;

export interface StationLinkOptions {
  readonly stationId: string;
  readonly version: OcppVersion;
  readonly callTimeoutMs: number;
  readonly events: StationEvents;
  readonly handleCall: IncomingCallHandler;
  /** The connection closed (by either side); not called when `open` fails. */
  readonly onClosed: () => void;
}

/** The code a failed call is counted under: the OCPP error code, or the session's reason (timeout, closed, ...). */
export function errorCodeOf(error: unknown, version: OcppVersion): string {
  if (error instanceof OcppRpcError) return error.origin === 'peer' ? (error.peerCode ?? error.codeIn(version)) : `invalid-request:${error.codeIn(version)}`;
  if (error instanceof RpcSessionError) return error.code;
  if (error instanceof StationError) return error.code;
  return 'internal';
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8');
}

/**
 * One station's WebSocket and the OCPP-J session over it (side "station"). Measures every CALL
 * the station sends and reports it as a `callCompleted` event.
 */
export class StationLink {
  private socket: WebSocket | undefined;
  private session: RpcSession | undefined;
  private opening: Promise<void> | undefined;

  constructor(private readonly options: StationLinkOptions) {}

  get isOpen(): boolean {
    return this.session !== undefined && !this.session.closed;
  }

  /** Opens the socket; rejects with a StationError (InvalidSettings, ConnectFailed) when it cannot. Concurrent calls share one attempt. */
  open(settings: ConnectionSettings): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    this.opening ??= this.connect(settings).finally(() => (this.opening = undefined));
    return this.opening;
  }

  private async connect(settings: ConnectionSettings): Promise<void> {
    const { stationId, version, events } = this.options;
    const target = socketTargetOf(stationId, version, settings);
    if (!target.ok) throw new StationError(StationErrorCode.InvalidSettings, target.problem.message, target.problem);
    const outcome = await openStationSocket(target.target);
    if (!outcome.ok) {
      events.emit('connectFailed', outcome.failure);
      throw new StationError(StationErrorCode.ConnectFailed, outcome.failure.message, outcome.failure);
    }
    this.attach(outcome.socket);
    events.emit('connected', { protocol: outcome.socket.protocol });
  }

  /** Closes the connection and resolves once the socket is closed (terminated after `graceMs`). */
  close(code = 1000, reason = 'station disconnecting', graceMs = 2000): Promise<void> {
    const socket = this.socket;
    if (socket === undefined) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => socket.terminate(), graceMs);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.close(code, reason);
    });
  }

  /** Sends a CALL; resolves with the validated response, rejects with StationError(CallFailed | NotConnected). */
  async call(action: string, payload: object): Promise<JsonObject> {
    const session = this.session;
    if (session === undefined || session.closed) throw new StationError(StationErrorCode.NotConnected, `${action}: not connected`);
    const started = performance.now();
    try {
      const response = await session.call(action, payload);
      this.options.events.emit('callCompleted', { action, durationMs: performance.now() - started });
      return response;
    } catch (error) {
      const errorCode = errorCodeOf(error, this.options.version);
      this.options.events.emit('callCompleted', { action, durationMs: performance.now() - started, errorCode });
      throw new StationError(StationErrorCode.CallFailed, `${action} failed: ${errorCode}`, error);
    }
  }

  private attach(socket: WebSocket): void {
    const { version, callTimeoutMs, events } = this.options;
    const session = new RpcSession({
      version,
      side: 'station',
      send: (text) => socket.send(text),
      callTimeoutMs,
      handleCall: (action, payload) => this.answer(action, payload),
      onProtocolWarning: (warning) => events.emit('protocolIssue', { code: warning.code, description: warning.description, action: warning.action }),
      onError: (fault) => events.emit('protocolIssue', { code: fault.code, description: String(fault.error), action: fault.action }),
    });
    this.socket = socket;
    this.session = session;
    socket.on('message', (data, isBinary) => {
      if (!isBinary) session.receive(textOf(data));
    });
    socket.once('close', (code, reason) => {
      session.close(`connection closed (${code})`);
      if (this.socket === socket) {
        this.socket = undefined;
        this.session = undefined;
      }
      events.emit('disconnected', { code, reason: reason.toString() });
      this.options.onClosed();
    });
  }

  private async answer(action: string, payload: JsonObject): Promise<object> {
    try {
      const response = await this.options.handleCall(action, payload);
      this.options.events.emit('callReceived', { action });
      return response;
    } catch (error) {
      this.options.events.emit('callReceived', { action, errorCode: errorCodeOf(error, this.options.version) });
      throw error;
    }
  }
}
