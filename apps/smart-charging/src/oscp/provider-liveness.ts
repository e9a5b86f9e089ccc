// Whether a Capacity Provider is silent (pure; docs/adr/017-oscp.md). A provider's Heartbeat names
// the instant after which it may be taken as offline (`offline_mode_at`); any other message shows
// it alive for at least one heartbeat interval more; a provider never heard of is given one
// interval from its registration. From `silentFrom` on, its FALLBACK forecasts apply.

export interface Liveness {
  heartbeatIntervalS: number;
  lastContactAt: Date;
  lastHeartbeatAt: Date | null;
  /** What the last heartbeat said. */
  offlineModeAt: Date | null;
  /** From this instant on the provider counts as silent. */
  silentFrom: Date;
}

const plusSeconds = (at: Date, seconds: number): Date => new Date(at.getTime() + seconds * 1000);

/** A provider just registered: silent if nothing is heard within one heartbeat interval. */
export function registeredLiveness(at: Date, heartbeatIntervalS: number): Liveness {
  return { heartbeatIntervalS, lastContactAt: at, lastHeartbeatAt: null, offlineModeAt: null, silentFrom: plusSeconds(at, heartbeatIntervalS) };
}

/** A heartbeat: the provider's own word on when it goes offline replaces whatever was assumed, earlier or later. */
export function afterHeartbeat(liveness: Liveness, at: Date, offlineModeAt: Date): Liveness {
  return { ...liveness, lastContactAt: at, lastHeartbeatAt: at, offlineModeAt, silentFrom: offlineModeAt };
}

/** Any other message (a forecast, a handshake): alive now, so not silent before one interval from now. */
export function afterMessage(liveness: Liveness, at: Date): Liveness {
  const atLeast = plusSeconds(at, liveness.heartbeatIntervalS);
  return { ...liveness, lastContactAt: at, silentFrom: liveness.silentFrom > atLeast ? liveness.silentFrom : atLeast };
}

export function isSilent(liveness: Pick<Liveness, 'silentFrom'>, now: Date): boolean {
  return now.getTime() >= liveness.silentFrom.getTime();
}

/** The offline_mode_at we announce in our own heartbeats: two intervals, so one lost heartbeat does not put us offline. */
export function ourOfflineModeAt(now: Date, heartbeatIntervalS: number): Date {
  return plusSeconds(now, 2 * heartbeatIntervalS);
}
