/** Where the connection replica's index came from, so that start-up can say so (ADR 042). */
export type ReplicaIndexSource = 'environment' | 'hostname' | 'default';

export interface ReplicaIndex {
  index: number;
  source: ReplicaIndexSource;
  /** The host name looked at (for the log line); undefined when CONNECTION_REPLICA_INDEX was set. */
  hostname: string | undefined;
}

// A StatefulSet pod is `<statefulset name>-<ordinal>`; the ordinal has no leading zeros.
const ORDINAL = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?-(0|[1-9]\d{0,8})$/i;

/** The StatefulSet ordinal a host name ends with (`csms-connection-2` → 2), or undefined when it has none. */
export function ordinalOfHostname(hostname: string): number | undefined {
  const match = ORDINAL.exec(hostname.trim());
  return match ? Number(match[2]) : undefined;
}

/**
 * CONNECTION_REPLICA_INDEX when set; else, where several replicas can exist (a distributed
 * connection service), the ordinal of the host name; else 0. The embedded process never
 * derives: a laptop called `dev-7` must not become replica 7.
 */
export function resolveReplicaIndex(configured: number | undefined, hostname: string, derive: boolean): ReplicaIndex {
  if (configured !== undefined) return { index: configured, source: 'environment', hostname: undefined };
  const ordinal = derive ? ordinalOfHostname(hostname) : undefined;
  if (ordinal !== undefined) return { index: ordinal, source: 'hostname', hostname };
  return { index: 0, source: 'default', hostname };
}
