import WebSocket, { type ClientOptions, type RawData } from 'ws';
import { registerBasicCredentials } from './e2e-run';

export type ConnectOutcome = { open: true; socket: WebSocket; protocol: string } | { open: false; status: number; body: string };

/** Opens an OCPP WebSocket as a station would; a refused upgrade resolves with its HTTP status. */
export function connectStation(url: string, protocols: string[], options: ClientOptions = {}): Promise<ConnectOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols, { handshakeTimeout: 5000, ...options });
    socket.once('open', () => resolve({ open: true, socket, protocol: socket.protocol }));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ open: false, status: response.statusCode ?? 0, body }));
    });
    socket.once('error', (error) => reject(error));
  });
}

export function basicAuth(user: string, password: string): Record<string, string> {
  registerBasicCredentials(user, password);
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

/**
 * The next frame the CSMS sends that answers something (CALLRESULT or CALLERROR), parsed; undefined
 * when none comes within `timeoutMs`. CALLs the CSMS makes meanwhile (it may call at any time: a
 * station that just booted is asked for its charging capabilities) are answered with a CALLERROR
 * NotImplemented, as by a station that implements nothing the CSMS may ask.
 */
export function nextAnswer(socket: WebSocket, timeoutMs: number): Promise<unknown[] | undefined> {
  return new Promise((resolve) => {
    const onMessage = (data: RawData) => {
      const frame = JSON.parse(data.toString()) as unknown[];
      if (frame[0] === 2) {
        socket.send(JSON.stringify([4, frame[1], 'NotImplemented', 'this test station answers no CSMS calls', {}]));
        return;
      }
      settle(frame);
    };
    const settle = (frame: unknown[] | undefined) => {
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(frame);
    };
    const timer = setTimeout(() => settle(undefined), timeoutMs);
    socket.on('message', onMessage);
  });
}

/** Sends a raw text frame and resolves with the CSMS's next answer (see nextAnswer), parsed. */
export async function exchange(socket: WebSocket, text: string, timeoutMs = 5000): Promise<unknown[]> {
  const answer = nextAnswer(socket, timeoutMs);
  socket.send(text);
  const frame = await answer;
  if (frame === undefined) throw new Error(`no answer to ${text.slice(0, 80)}`);
  return frame;
}

export function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}
