import { type LocalListEntry, entryKey, sameEntry, sortedEntries } from './local-list.entries';

// The pure core of list synchronisation: from what the station holds and what it should hold,
// the SendLocalList updates to send, each within the station's per-message limits.

/** One change of a list: an entry to add or replace, or (entry undefined) a token to remove. */
export interface ListChange {
  readonly idToken: string;
  readonly type: string;
  readonly entry?: LocalListEntry;
}

/** One SendLocalList: its version, whether it replaces the whole list, and its changes. */
export interface ListUpdate {
  readonly version: number;
  readonly full: boolean;
  readonly changes: readonly ListChange[];
}

export interface ListLimits {
  /** 1.6 SendLocalListMaxLength, 2.0.1 LocalAuthListCtrlr.ItemsPerMessage. */
  readonly itemsPerMessage: number;
  /** 2.0.1 LocalAuthListCtrlr.BytesPerMessage, when known. */
  readonly bytesPerMessage?: number;
  /** 1.6 LocalAuthListMaxLength, when known. */
  readonly maxEntries?: number;
}

/** What the CSMS last saw the station accept; version undefined when nothing was ever accepted. */
export interface HeldList {
  readonly version: number | undefined;
  readonly entries: readonly LocalListEntry[];
}

export type SyncPlan =
  | { readonly kind: 'in-sync' }
  | { readonly kind: 'too-long'; readonly reason: string }
  | { readonly kind: 'send'; readonly full: boolean; readonly updates: readonly ListUpdate[] };

export interface PlanInput {
  readonly held: HeldList;
  /** What GetLocalListVersion answered: 0 = no list. */
  readonly stationVersion: number;
  readonly desired: readonly LocalListEntry[];
  readonly limits: ListLimits;
  /** Send a full list even when a differential update would do (VersionMismatch, operator's choice). */
  readonly forceFull?: boolean;
}

/** The CALL frame around the entries: [2,"<uuid>","SendLocalList",{"versionNumber":…,"updateType":"Differential","localAuthorizationList":[…]}]. */
export const FRAME_OVERHEAD_BYTES = 160;

/** An upper bound of an entry's JSON in either version (2.0.1 is the longer form). */
export function changeBytes(change: ListChange): number {
  const info = change.entry === undefined ? undefined : { status: change.entry.status, cacheExpiryDateTime: change.entry.expiresAt ?? undefined };
  return JSON.stringify({ idToken: { idToken: change.idToken, type: change.type }, idTokenInfo: info }).length + 1;
}

/** Splits changes into messages of at most `itemsPerMessage` entries and `bytesPerMessage` bytes (a lone oversized entry still goes alone). */
export function chunkChanges(changes: readonly ListChange[], limits: ListLimits): ListChange[][] {
  const items = Math.max(1, limits.itemsPerMessage);
  const budget = limits.bytesPerMessage === undefined ? Number.POSITIVE_INFINITY : limits.bytesPerMessage - FRAME_OVERHEAD_BYTES;
  const chunks: ListChange[][] = [];
  let current: ListChange[] = [];
  let bytes = 0;
  for (const change of changes) {
    const size = changeBytes(change);
    if (current.length > 0 && (current.length >= items || bytes + size > budget)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(change);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The differences that turn `held` into `desired`: upserts first, then removals, each ordered by token. */
export function diffLists(held: readonly LocalListEntry[], desired: readonly LocalListEntry[]): ListChange[] {
  const heldByKey = new Map(held.map((entry) => [entryKey(entry), entry]));
  const desiredKeys = new Set(desired.map(entryKey));
  const upserts = desired
    .filter((entry) => {
      const current = heldByKey.get(entryKey(entry));
      return current === undefined || !sameEntry(current, entry);
    })
    .map((entry) => ({ idToken: entry.idToken, type: entry.type, entry }));
  const removals = held.filter((entry) => !desiredKeys.has(entryKey(entry))).map((entry) => ({ idToken: entry.idToken, type: entry.type }));
  return [...upserts, ...removals];
}

/** The list after the station applied `update`, ordered by token. */
export function applyUpdate(held: readonly LocalListEntry[], update: ListUpdate): LocalListEntry[] {
  const byKey = new Map(update.full ? [] : held.map((entry) => [entryKey(entry), entry]));
  for (const change of update.changes) {
    if (change.entry === undefined) byKey.delete(change.idToken.toLowerCase());
    else byKey.set(entryKey(change.entry), change.entry);
  }
  return sortedEntries(byKey.values());
}

/**
 * A differential update when the station holds the version the CSMS last saw it accept; a full
 * list otherwise (it reset, or another system wrote its list) or when asked. A full list larger
 * than one message is a Full update followed by Differential ones. Versions count up from the
 * highest known, so every update is newer than whatever the station holds.
 */
export function planSync(input: PlanInput): SyncPlan {
  const { held, stationVersion, desired, limits } = input;
  if (limits.maxEntries !== undefined && desired.length > limits.maxEntries) {
    return { kind: 'too-long', reason: `the list has ${desired.length} entries; the station holds at most ${limits.maxEntries}` };
  }
  const base = Math.max(stationVersion, held.version ?? 0, 0);
  const differential = !input.forceFull && held.version !== undefined && held.version === stationVersion && stationVersion > 0;
  if (differential) {
    const changes = diffLists(held.entries, desired);
    if (changes.length === 0) return { kind: 'in-sync' };
    return { kind: 'send', full: false, updates: versioned(chunkChanges(changes, limits), base, false) };
  }
  // No list on the station and none wanted: nothing to send.
  if (!input.forceFull && stationVersion === 0 && desired.length === 0) return { kind: 'in-sync' };
  const changes = desired.map((entry) => ({ idToken: entry.idToken, type: entry.type, entry }));
  const chunks = changes.length === 0 ? [[]] : chunkChanges(changes, limits);
  return { kind: 'send', full: true, updates: versioned(chunks, base, true) };
}

function versioned(chunks: readonly ListChange[][], base: number, full: boolean): ListUpdate[] {
  return chunks.map((changes, index) => ({ version: base + index + 1, full: full && index === 0, changes }));
}
