import { MessageRate } from './message-rate';

/** What the pacer needs of a WebSocket: `ws`'s pause() stops reading the TCP socket. */
export interface PausableSocket {
  pause(): void;
  resume(): void;
}

export interface MessagePacerHooks<T> {
  deliver: (message: T) => void;
  /** A message had to wait for its turn. */
  onHeld: () => void;
  /** Held back without a break for the close limit: the connection should go (1008). */
  onSustained: (heldForMs: number) => void;
}

/**
 * Back-pressure on a station that sends faster than its limit: messages past the limit wait in
 * order and the socket stops being read until they are handled (TCP then slows the sender), and
 * a station that stays over the limit is given up on. What is queued is bounded by what had
 * been read when reading stopped.
 */
export class MessagePacer<T> {
  private readonly queue: T[] = [];
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly rate: MessageRate,
    private readonly socket: PausableSocket,
    private readonly hooks: MessagePacerHooks<T>,
    private readonly now: () => number = Date.now,
  ) {}

  receive(message: T): void {
    if (this.stopped) return;
    if (this.queue.length > 0) {
      this.queue.push(message);
      this.hooks.onHeld();
      return;
    }
    const admission = this.rate.admit(this.now(), false);
    if (admission.kind === 'pass') return this.hooks.deliver(message);
    this.queue.push(message);
    this.hooks.onHeld();
    if (admission.kind === 'close') return this.giveUp(admission.heldForMs);
    this.socket.pause();
    this.schedule(admission.waitMs);
  }

  /** The connection is closing: nothing queued is handled any more. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.queue.length = 0;
  }

  get queued(): number {
    return this.queue.length;
  }

  private schedule(waitMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.drain(), waitMs);
  }

  private drain(): void {
    this.timer = undefined;
    while (!this.stopped && this.queue.length > 0) {
      const admission = this.rate.admit(this.now(), true);
      if (admission.kind === 'close') return this.giveUp(admission.heldForMs);
      if (admission.kind === 'hold') return this.schedule(admission.waitMs);
      // Taken out before delivery: a handler that closes the connection finds the queue as it should be.
      const [next] = this.queue.splice(0, 1);
      if (next !== undefined) this.hooks.deliver(next);
    }
    if (!this.stopped) this.socket.resume();
  }

  private giveUp(heldForMs: number): void {
    this.stop();
    // Reading again: the close handshake needs the peer's close frame (what else comes is dropped).
    this.socket.resume();
    this.hooks.onSustained(heldForMs);
  }
}
