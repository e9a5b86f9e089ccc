/**
 * Connections per address whose opening handshake has not reached its upgrade request yet.
 * An entry lives only while that address has such a connection, so the table is never larger
 * than the number of open sockets.
 */
export class PendingHandshakes {
  private readonly counts = new Map<string, number>();

  constructor(private readonly perAddress: number) {}

  /** A release function (idempotent) when `address` is below its cap, undefined when it is at it. */
  tryEnter(address: string): (() => void) | undefined {
    const count = this.counts.get(address) ?? 0;
    if (count >= this.perAddress) return undefined;
    this.counts.set(address, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(address) ?? 1) - 1;
      if (left <= 0) this.counts.delete(address);
      else this.counts.set(address, left);
    };
  }

  get addresses(): number {
    return this.counts.size;
  }
}
