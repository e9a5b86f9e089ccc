import { EventEmitter } from 'node:events';
import pino from 'pino';
import type { WebSocket } from 'ws';
import { CloseCode, StationConnection } from './station-connection';

/** The parts of a ws WebSocket a StationConnection uses; close() is answered by the test. */
class FakeSocket extends EventEmitter {
  readonly sent: unknown[] = [];
  readonly closes: { code: number; reason: string }[] = [];
  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }
  close(code: number, reason: string): void {
    this.closes.push({ code, reason });
  }
  terminate(): void {
    this.emit('close', 1006, Buffer.from(''));
  }
  ping(): void {}
  pause(): void {}
  resume(): void {}
  /** The station's CALL, as a text frame. */
  receive(messageId: string, action: string, payload: object): void {
    this.emit('message', Buffer.from(JSON.stringify([2, messageId, action, payload])), false);
  }
}

function connection(handleCall: (action: string) => Promise<Record<string, unknown>>) {
  const socket = new FakeSocket();
  const handled: string[] = [];
  const station = new StationConnection('CS-1', 'ocpp1.6', 1, socket as unknown as WebSocket, {
    callTimeoutMs: 30_000,
    onFrame: () => undefined,
    handleCall: (action) => {
      handled.push(action);
      return handleCall(action);
    },
    logger: pino({ level: 'silent' }),
    onClose: () => undefined,
  });
  return { socket, station, handled };
}

const heartbeatAnswer = { currentTime: '2026-01-01T00:00:00Z' };

describe('StationConnection.drain', () => {
  it('answers the CALL in flight (once it is durable) before it sends the close frame', async () => {
    let durable: (answer: Record<string, unknown>) => void = () => undefined;
    const { socket, station } = connection(() => new Promise((resolve) => (durable = resolve)));
    socket.receive('m-1', 'Heartbeat', {});
    const drained = station.drain(CloseCode.goingAway, 'replica shutting down', 5000);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(socket.closes).toEqual([]);
    durable(heartbeatAnswer);
    expect(await drained).toBe('idle');
    expect(socket.sent).toEqual([[3, 'm-1', heartbeatAnswer]]);
    expect(socket.closes).toEqual([{ code: 1001, reason: 'replica shutting down' }]);
  });

  it('closes at once when nothing is in flight and no quiet period is asked for', async () => {
    const { socket, station } = connection(async () => heartbeatAnswer);
    expect(await station.drain(CloseCode.goingAway, 'bye', 5000, 0)).toBe('idle');
    expect(socket.closes).toHaveLength(1);
  });

  it('waits for a quiet moment after the last answer, when a station would send its follow-up', async () => {
    const { socket, station } = connection(async () => heartbeatAnswer);
    socket.receive('m-1', 'Heartbeat', {});
    const started = Date.now();
    expect(await station.drain(CloseCode.goingAway, 'bye', 5000, 200)).toBe('idle');
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
    expect(socket.sent).toEqual([[3, 'm-1', heartbeatAnswer]]);
  });

  it('handles no CALL that arrives after the close frame, so none is stored without an answer', async () => {
    const { socket, station, handled } = connection(async () => heartbeatAnswer);
    await station.drain(CloseCode.goingAway, 'bye', 5000);
    socket.receive('m-2', 'Heartbeat', {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handled).toEqual([]);
    expect(socket.sent).toEqual([]);
  });

  it('closes when its wait runs out, reporting the CALL left unanswered', async () => {
    const { socket, station } = connection(() => new Promise(() => undefined));
    socket.receive('m-1', 'Heartbeat', {});
    expect(await station.drain(CloseCode.goingAway, 'bye', 50)).toBe('busy');
    expect(socket.closes).toHaveLength(1);
    expect(socket.sent).toEqual([]);
  });

  it('settles `closed` once the socket has closed', async () => {
    const { socket, station } = connection(async () => heartbeatAnswer);
    let closed = false;
    void station.closed.then(() => (closed = true));
    await station.drain(CloseCode.goingAway, 'bye', 0);
    await Promise.resolve();
    expect(closed).toBe(false);
    socket.emit('close', 1001, Buffer.from('bye'));
    await station.closed;
    expect(closed).toBe(true);
  });
});
