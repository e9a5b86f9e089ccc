import { createHash } from 'node:crypto';
import type { OcppVersion } from '@app/ocpp';

// What a station's local authorization list holds, in one neutral shape for both versions, and
// which id tokens of the store belong on it (ADR 029: every registered token, with its status).

/** The statuses a local list entry carries; the neutral command model knows no others. */
export type LocalListStatus = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid';

export interface LocalListEntry {
  readonly idToken: string;
  /** 2.0.1 IdTokenType as registered ("IdTag" for 1.6-only tokens); 1.6 sends no type. */
  readonly type: string;
  readonly status: LocalListStatus;
  /** ISO 8601, or null when the token does not expire. */
  readonly expiresAt: string | null;
}

/** A registered id token as the store holds it. */
export interface RegisteredToken {
  readonly value: string;
  readonly type: string;
  readonly status: string;
  readonly expiresAt: Date | null;
}

/** 1.6 idTags are CiString20: a longer token cannot be on a 1.6 station's list. */
const MAX_IDTAG_LENGTH_16 = 20;

/**
 * NoCredit, NotAllowedTypeEVSE, NotAtThisLocation and NotAtThisTime have no local-list form in
 * 1.6 nor in the neutral model: offline, the station must refuse such a token, so it is Blocked.
 */
function listStatusOf(status: string): LocalListStatus {
  return status === 'Accepted' || status === 'Expired' || status === 'Invalid' ? status : 'Blocked';
}

/** The case-insensitive identity of an entry, as OCPP compares id tokens. */
export const entryKey = (entry: Pick<LocalListEntry, 'idToken'>): string => entry.idToken.toLowerCase();

const byKey = (a: LocalListEntry, b: LocalListEntry): number => (entryKey(a) < entryKey(b) ? -1 : entryKey(a) > entryKey(b) ? 1 : 0);

/** Entries ordered by token, as lists are stored and shown. */
export const sortedEntries = (entries: Iterable<LocalListEntry>): LocalListEntry[] => [...entries].sort(byKey);

/** What a station of `version` should hold at `now`, ordered by token; an expired token is listed as Expired. */
export function desiredEntries(tokens: readonly RegisteredToken[], version: OcppVersion, now: Date): LocalListEntry[] {
  return tokens
    .filter((token) => version !== '1.6' || token.value.length <= MAX_IDTAG_LENGTH_16)
    .map((token) => {
      const expired = token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime();
      return {
        idToken: token.value,
        type: token.type,
        status: expired && token.status === 'Accepted' ? 'Expired' : listStatusOf(token.status),
        expiresAt: token.expiresAt === null ? null : token.expiresAt.toISOString(),
      } satisfies LocalListEntry;
    })
    .sort(byKey);
}

export function sameEntry(a: LocalListEntry, b: LocalListEntry): boolean {
  return entryKey(a) === entryKey(b) && a.type === b.type && a.status === b.status && a.expiresAt === b.expiresAt;
}

/** A fingerprint of a list's content, independent of order: equal lists have equal digests. */
export function listDigest(entries: readonly LocalListEntry[]): string {
  const canonical = [...entries]
    .map((entry) => [entryKey(entry), entry.idToken, entry.type, entry.status, entry.expiresAt])
    .sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
