import WebSocket, { type RawData } from 'ws';
import { connectStation } from './ws-station';

export interface Outcome {
  /** Frames the CSMS sent that answer something, before the sentinel's answer. */
  readonly answers: unknown[][];
  /** The sentinel Heartbeat's answer; undefined when the connection closed first. */
  readonly sentinel: unknown[] | undefined;
  readonly closeCode: number | undefined;
}

/**
 * A station socket for fuzzing: sends a frame, then a Heartbeat "sentinel" and collects every
 * answer up to the sentinel's. The CSMS answers CALLs in arrival order and framing errors at
 * once, so whatever the frame deserved arrives before the sentinel's answer: silence is proven
 * without waiting for a timeout. CALLs the CSMS makes meanwhile get NotImplemented.
 */
export class FuzzStation {
  private socket: WebSocket | undefined;
  private sentinels = 0;

  constructor(
    private readonly url: string,
    private readonly subprotocol: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async open(): Promise<void> {
    const outcome = await connectStation(this.url, [this.subprotocol], { headers: this.headers });
    if (!outcome.open) throw new Error(`${this.url} refused with ${outcome.status}: ${outcome.body}`);
    this.socket = outcome.socket;
  }

  close(): void {
    this.socket?.terminate();
    this.socket = undefined;
  }

  /** Sends `frame` (text unless `binary`), then the sentinel; resolves once the sentinel is answered or the socket closes. */
  send(frame: string | Buffer, binary = false, timeoutMs = 45_000): Promise<Outcome> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) throw new Error('fuzz station is not connected');
    this.sentinels += 1;
    const sentinelId = `zz-sentinel-${this.sentinels}`;
    return new Promise<Outcome>((resolve, reject) => {
      const answers: unknown[][] = [];
      const finish = (outcome: Outcome | Error) => {
        clearTimeout(timer);
        socket.off('message', onMessage);
        socket.off('close', onClose);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const onMessage = (data: RawData) => {
        let frame: unknown;
        try {
          frame = JSON.parse(data.toString());
        } catch {
          finish(new Error(`the CSMS sent a frame that is not JSON: ${data.toString().slice(0, 200)}`));
          return;
        }
        if (!Array.isArray(frame)) return finish(new Error(`the CSMS sent a frame that is not an array: ${data.toString().slice(0, 200)}`));
        if (frame[0] === 2) {
          socket.send(JSON.stringify([4, frame[1], 'NotImplemented', 'the fuzz station answers no CSMS calls', {}]));
          return;
        }
        if (frame[1] === sentinelId) return finish({ answers, sentinel: frame, closeCode: undefined });
        answers.push(frame);
      };
      const onClose = (code: number) => {
        this.socket = undefined;
        finish({ answers, sentinel: undefined, closeCode: code });
      };
      const timer = setTimeout(() => finish(new Error(`no answer to the sentinel within ${timeoutMs} ms; answers so far: ${JSON.stringify(answers).slice(0, 500)}`)), timeoutMs);
      socket.on('message', onMessage);
      socket.on('close', onClose);
      socket.send(frame, { binary });
      socket.send(JSON.stringify([2, sentinelId, 'Heartbeat', {}]));
    });
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }
}
