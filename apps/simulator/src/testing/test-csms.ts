import type { AddressInfo } from 'node:net';
import { type JsonObject, type OcppVersion, RpcSession, WithholdResponse, versionOfSubprotocol } from '@app/ocpp';
import { type WebSocket, WebSocketServer } from 'ws';

export interface ReceivedCall {
  readonly stationId: string;
  readonly version: OcppVersion;
  readonly action: string;
  readonly payload: JsonObject;
}

/** A responder's way of saying "leave this CALL unanswered" (a CSMS that could not make it durable). */
export const NO_ANSWER = Symbol('NO_ANSWER');

export type Responder = (call: ReceivedCall) => object | undefined | typeof NO_ANSWER;

export interface TestCsmsOptions {
  /** Answers the station's CALLs; undefined falls back to the defaults below. */
  readonly respond?: Responder;
  /** Refuse upgrades whose Basic password differs (401). */
  readonly password?: string;
  /** Turn an upgrade away as overloaded (503 with Retry-After, in seconds) when this says so. */
  readonly turnAway?: (stationPath: string) => number | undefined;
}

const now = (): string => new Date().toISOString();

function defaultResponse(call: ReceivedCall, nextTransactionId: () => number): object {
  const accepted = call.version === '1.6' ? { idTagInfo: { status: 'Accepted' } } : { idTokenInfo: { status: 'Accepted' } };
  switch (call.action) {
    case 'BootNotification':
      return { status: 'Accepted', currentTime: now(), interval: 300 };
    case 'Heartbeat':
      return { currentTime: now() };
    case 'Authorize':
      return accepted;
    case 'StartTransaction':
      return { ...accepted, transactionId: nextTransactionId() };
    case 'StopTransaction':
      return accepted;
    case 'SignCertificate':
      return { status: 'Accepted' };
    case 'DataTransfer':
    case 'NotifyEVChargingNeeds':
      return { status: 'Accepted' };
    default:
      return {};
  }
}

/**
 * A tiny in-process CSMS for tests: accepts any station on ws://127.0.0.1:<ephemeral>/ocpp/{id}
 * with either subprotocol, records every CALL it receives, answers with valid defaults, and can
 * call stations. Both directions run through RpcSession, so both sides are schema-validated.
 */
export class TestCsms {
  readonly received: ReceivedCall[] = [];
  private readonly sessions = new Map<string, RpcSession>();
  private readonly waiters: (() => void)[] = [];
  private transactionIds = 100;

  private constructor(
    private readonly server: WebSocketServer,
    private readonly options: TestCsmsOptions,
  ) {}

  static async start(options: TestCsmsOptions = {}): Promise<TestCsms> {
    const server = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      handleProtocols: (offered) => [...offered].find((protocol) => versionOfSubprotocol(protocol)) ?? false,
      verifyClient: ({ req }, done) => {
        const retryAfterS = options.turnAway?.(req.url ?? '');
        if (retryAfterS !== undefined) return done(false, 503, 'Service Unavailable', { 'Retry-After': String(retryAfterS) });
        if (options.password === undefined) return done(true);
        const [user, password] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':');
        done(password === options.password && req.url?.endsWith(`/${user}`) === true, 401, 'Unauthorized');
      },
    });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const csms = new TestCsms(server, options);
    server.on('connection', (socket, request) => csms.attach(socket, request.url ?? ''));
    return csms;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/ocpp`;
  }

  /** Sends a CALL to a connected station; rejects with the station's CALLERROR or an invalid response. */
  call(stationId: string, action: string, payload: object): Promise<JsonObject> {
    const session = this.sessions.get(stationId);
    if (session === undefined) return Promise.reject(new Error(`${stationId} is not connected`));
    return session.call(action, payload);
  }

  /** Resolves with the first received CALL (past or future) that matches; rejects after `timeoutMs`. */
  waitFor(matches: (call: ReceivedCall) => boolean, timeoutMs = 10_000): Promise<ReceivedCall> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.received.find(matches);
        if (found === undefined) return false;
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new Error('the test CSMS did not receive the expected call in time'));
      }, timeoutMs);
      const waiter = (): void => {
        if (check()) this.waiters.splice(this.waiters.indexOf(waiter), 1);
      };
      if (!check()) this.waiters.push(waiter);
    });
  }

  /** Drops every station's connection without a close handshake, as a crashing CSMS would. */
  dropConnections(): void {
    for (const client of this.server.clients) client.terminate();
  }

  /** Closes every station's connection with a close handshake and `code`, as a draining CSMS replica does (1001). */
  closeConnections(code: number, reason: string): void {
    for (const client of this.server.clients) client.close(code, reason);
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private attach(socket: WebSocket, url: string): void {
    const stationId = decodeURIComponent(url.split('/').pop() ?? '');
    const version = versionOfSubprotocol(socket.protocol);
    if (version === undefined) return socket.close(1002, 'no subprotocol');
    const session = new RpcSession({
      version,
      side: 'csms',
      send: (text) => socket.send(text),
      callTimeoutMs: 5000,
      handleCall: async (action, payload) => {
        const call = { stationId, version, action, payload };
        this.received.push(call);
        [...this.waiters].forEach((waiter) => waiter());
        const response = this.options.respond?.(call);
        if (response === NO_ANSWER) throw new WithholdResponse(`${action} left unanswered by the test CSMS`);
        return response ?? defaultResponse(call, () => (this.transactionIds += 1));
      },
    });
    this.sessions.set(stationId, session);
    socket.on('message', (data) => session.receive(data.toString()));
    socket.on('close', () => {
      session.close('closed');
      if (this.sessions.get(stationId) === session) this.sessions.delete(stationId);
    });
  }
}
