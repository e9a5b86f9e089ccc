/**
 * At most `limit` upgrades being authenticated at once (ADR 033). Past it a new upgrade is turned
 * away at once with 503 + Retry-After instead of queueing for the registry pool: a station that
 * is told to come back later retries, while one left waiting past its handshake timeout retries
 * too but after having cost the CSMS a lookup whose answer nobody reads.
 */
export class UpgradeAdmission {
  private inProgress = 0;

  constructor(private readonly limit: number) {}

  /** A release function when admitted (calling it more than once releases once), undefined when full. */
  tryEnter(): (() => void) | undefined {
    if (this.inProgress >= this.limit) return undefined;
    this.inProgress += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inProgress -= 1;
    };
  }

  get size(): number {
    return this.inProgress;
  }
}
