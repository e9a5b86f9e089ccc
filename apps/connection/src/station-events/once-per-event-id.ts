/** How many acknowledged event ids are remembered, and for how long (about 13 MB at most). */
export const RECENT_EVENT_IDS = 100_000;
export const RECENT_EVENT_ID_TTL_MS = 10 * 60_000;

export interface OncePerEventIdOptions {
  capacity?: number;
  ttlMs?: number;
  now?: () => number;
}

/**
 * Runs the publish of an event id at most once at a time and not again once it succeeded:
 * - while a publish of an id is in flight, a second one with the same id joins it (a station
 *   retries a message whose answer we withheld after the durability deadline, but the first
 *   publish goes on inside the producer and usually lands: a second produce would be a second
 *   record under the same id);
 * - an id acknowledged within the last `ttlMs` (at most `capacity` ids, least recently
 *   acknowledged forgotten first) resolves at once without producing anything.
 * What remains, for consumers to dedupe by event id:
 * - a publish that failed is forgotten, so the next attempt produces again; when the broker had
 *   written the first one and only its response was lost (broker stopped mid-request, or the
 *   producer's retries ran out), that is a second record;
 * - memory is per process: after a restart, or when the station reconnects to another replica,
 *   a retry of a message published before is produced again.
 */
export class OncePerEventId {
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Event id → when it stops counting as recent; insertion order = least recently acknowledged first. */
  private readonly acknowledged = new Map<string, number>();
  private readonly capacity: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: OncePerEventIdOptions = {}) {
    this.capacity = options.capacity ?? RECENT_EVENT_IDS;
    this.ttlMs = options.ttlMs ?? RECENT_EVENT_ID_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** Runs `publish` for `eventId` unless it is in flight (joins it) or was acknowledged recently (resolves at once). */
  run(eventId: string, publish: () => Promise<void>): Promise<void> {
    if (this.wasAcknowledged(eventId)) return Promise.resolve();
    const running = this.inFlight.get(eventId);
    if (running) return running;
    const started = publish().then(
      () => {
        this.inFlight.delete(eventId);
        this.remember(eventId);
      },
      (error: unknown) => {
        this.inFlight.delete(eventId);
        throw error;
      },
    );
    this.inFlight.set(eventId, started);
    return started;
  }

  /** Ids being published now (for tests and metrics). */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  get rememberedCount(): number {
    return this.acknowledged.size;
  }

  private wasAcknowledged(eventId: string): boolean {
    const until = this.acknowledged.get(eventId);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.acknowledged.delete(eventId);
    return false;
  }

  private remember(eventId: string): void {
    this.acknowledged.delete(eventId);
    this.acknowledged.set(eventId, this.now() + this.ttlMs);
    for (const oldest of this.acknowledged.keys()) {
      if (this.acknowledged.size <= this.capacity) break;
      this.acknowledged.delete(oldest);
    }
    this.forgetExpired();
  }

  /** Drops expired ids from the front (the oldest), so an idle map does not hold them for ever. */
  private forgetExpired(): void {
    const now = this.now();
    for (const [eventId, until] of this.acknowledged) {
      if (until > now) break;
      this.acknowledged.delete(eventId);
    }
  }
}
