import type { Socket } from 'node:net';
import { PendingHandshakes } from './pending-handshakes';
import { limitKeyOf, plainAddress, type TrustedProxies } from './client-address';

export type HandshakeRefusal = 'pending-handshakes' | 'handshake-timeout';

export interface HandshakeWatchOptions {
  maxPendingPerAddress: number;
  timeoutMs: number;
  proxies: TrustedProxies;
  /** The socket is being refused (cap) or dropped (timeout); the watch destroys it afterwards if it is still open. */
  onRefused: (socket: Socket, reason: HandshakeRefusal) => void;
}

/** How long a refused socket may take to receive its refusal before it is destroyed. */
const REFUSAL_LINGER_MS = 1000;

interface Watched {
  timer: NodeJS.Timeout;
  release: () => void;
}

/**
 * Slowloris: from the moment a connection is accepted (TLS: once its TLS handshake is done) to
 * its upgrade request's last header line, a socket holds a file descriptor and parser memory
 * while costing its sender nothing. Each address gets a bounded number of such sockets, and
 * each socket a deadline for its request. A trusted proxy's connections are not capped (it
 * carries many clients and buffers their headers itself) but keep the deadline.
 */
export class HandshakeWatch {
  private readonly pending: PendingHandshakes;
  private readonly watched = new WeakMap<Socket, Watched>();

  constructor(private readonly options: HandshakeWatchOptions) {
    this.pending = new PendingHandshakes(options.maxPendingPerAddress);
  }

  /** A new connection: admitted into the watch, or refused at once. */
  accepted(socket: Socket): void {
    const address = plainAddress(socket.remoteAddress ?? 'unknown');
    const release = this.options.proxies.isTrusted(address) ? () => {} : this.pending.tryEnter(limitKeyOf(address));
    if (!release) return this.refuse(socket, 'pending-handshakes');
    const timer = setTimeout(() => this.refuse(socket, 'handshake-timeout'), this.options.timeoutMs);
    timer.unref();
    this.watched.set(socket, { timer, release });
    socket.once('close', () => this.settle(socket));
  }

  /** The upgrade request is complete: from here on the gateway's own steps bound the time. */
  requestReceived(socket: Socket): void {
    this.settle(socket);
  }

  /** Addresses with a handshake in progress now. */
  get addresses(): number {
    return this.pending.addresses;
  }

  private refuse(socket: Socket, reason: HandshakeRefusal): void {
    this.settle(socket);
    this.options.onRefused(socket, reason);
    if (reason === 'handshake-timeout') {
      socket.destroy();
      return;
    }
    // The refusal's few bytes get a moment to leave; a peer that never closes its side is cut.
    setTimeout(() => socket.destroy(), REFUSAL_LINGER_MS).unref();
  }

  private settle(socket: Socket): void {
    const watched = this.watched.get(socket);
    if (!watched) return;
    this.watched.delete(socket);
    clearTimeout(watched.timer);
    watched.release();
  }
}
