import WebSocket, { type ClientOptions } from 'ws';

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
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

/** Sends a raw text frame and resolves with the next frame the CSMS sends back, parsed. */
export function exchange(socket: WebSocket, text: string, timeoutMs = 5000): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${text.slice(0, 80)}`)), timeoutMs);
    socket.once('message', (data) => {
      clearTimeout(timer);
      resolve(JSON.parse(data.toString()) as unknown[]);
    });
    socket.send(text);
  });
}

export function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}
