import type { PartitionEnd } from '@app/messaging';

/**
 * Whether this process has read ocpp.presence as far as it reached when the process started
 * (ADR 042). Until then the directory may not know a station that is connected elsewhere, and a
 * command to it would be answered not-connected: readiness waits for this.
 */
export class PresenceReplay {
  /** Per partition, the offset of the last record there was at start; none left: caught up. */
  private readonly remaining = new Map<number, bigint>();
  private started = false;

  /** The ranges captured before consuming starts; partitions with nothing to read are done already. */
  begin(ends: readonly PartitionEnd[]): void {
    for (const { partition, low, high } of ends) {
      if (BigInt(high) > BigInt(low)) this.remaining.set(partition, BigInt(high) - 1n);
    }
    this.started = true;
  }

  /** A record of `partition` at `offset` has been applied. */
  seen(partition: number, offset: string): void {
    const last = this.remaining.get(partition);
    if (last !== undefined && BigInt(offset) >= last) this.remaining.delete(partition);
  }

  get caughtUp(): boolean {
    return this.started && this.remaining.size === 0;
  }

  describe(): string {
    if (!this.started) return 'end offsets not read yet';
    if (this.remaining.size === 0) return 'replayed';
    const left = [...this.remaining].map(([partition, last]) => `${partition}@${last}`).join(', ');
    return `replaying: partitions still short of their start-up end (partition@last offset): ${left}`;
  }
}
