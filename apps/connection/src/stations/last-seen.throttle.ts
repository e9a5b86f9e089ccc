/**
 * Decides when a station's last-seen time is worth writing: at most once per interval per
 * station, so a busy station costs one UPDATE a minute, not one per message. Remembers at most
 * `limit` stations (the oldest are forgotten first, which only means one extra write).
 */
export class LastSeenThrottle {
  private readonly writtenAt = new Map<string, number>();

  constructor(
    private readonly intervalMs = 60_000,
    private readonly limit = 200_000,
  ) {}

  /** True when a write is due for `stationId` at `now`; the write is then counted as done. */
  due(stationId: string, now: number): boolean {
    const last = this.writtenAt.get(stationId);
    if (last !== undefined && now - last < this.intervalMs) return false;
    this.writtenAt.delete(stationId);
    if (this.writtenAt.size >= this.limit) {
      const oldest = this.writtenAt.keys().next().value;
      if (oldest !== undefined) this.writtenAt.delete(oldest);
    }
    this.writtenAt.set(stationId, now);
    return true;
  }

  /** A write happened elsewhere (e.g. at boot): the next one is due an interval later. */
  written(stationId: string, now: number): void {
    this.writtenAt.delete(stationId);
    this.writtenAt.set(stationId, now);
  }
}
