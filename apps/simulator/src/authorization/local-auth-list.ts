/** One entry of a SendLocalList, in the station's neutral terms; no status removes the token (differential only). */
export interface LocalListChange {
  readonly idToken: string;
  readonly status?: string;
  readonly expiresAt?: string;
}

export interface LocalListUpdate {
  readonly version: number;
  readonly full: boolean;
  readonly changes: readonly LocalListChange[];
}

export interface LocalListItem {
  readonly idToken: string;
  readonly status: string;
  readonly expiresAt?: string;
}

export type LocalListAnswer = 'Accepted' | 'VersionMismatch' | 'Failed';

/**
 * The station's local authorization list (1.6 LocalAuthListManagement, 2.0.1 D01-D02): a version
 * and the tokens with their status. A full update replaces it; a differential one must carry a
 * newer version (VersionMismatch otherwise) and edits it. An update that would break the list
 * (a full list with a status-less entry, more entries than the station holds, more entries in one
 * message than it takes) fails and changes nothing. Survives reconnects; `clear` is a factory reset.
 */
export class LocalAuthList {
  private listVersion = 0;
  private readonly items = new Map<string, LocalListItem>();

  constructor(private readonly limits: { readonly maxEntries: number; readonly itemsPerMessage: number }) {}

  /** 0 while no list was installed. */
  get version(): number {
    return this.listVersion;
  }

  get size(): number {
    return this.items.size;
  }

  apply(update: LocalListUpdate): LocalListAnswer {
    if (update.version <= 0 || update.changes.length > this.limits.itemsPerMessage) return 'Failed';
    if (!update.full && update.version <= this.listVersion) return 'VersionMismatch';
    if (update.full && update.changes.some((change) => change.status === undefined)) return 'Failed';
    const next = new Map(update.full ? [] : this.items);
    for (const change of update.changes) {
      const key = change.idToken.toLowerCase();
      if (change.status === undefined) next.delete(key);
      else next.set(key, { idToken: change.idToken, status: change.status, ...(change.expiresAt === undefined ? {} : { expiresAt: change.expiresAt }) });
    }
    if (next.size > this.limits.maxEntries) return 'Failed';
    this.items.clear();
    next.forEach((item, key) => this.items.set(key, item));
    this.listVersion = update.version;
    return 'Accepted';
  }

  /** The entry for a token, matched case-insensitively as OCPP compares id tokens. */
  get(idToken: string): LocalListItem | undefined {
    return this.items.get(idToken.toLowerCase());
  }

  /** Every entry, ordered by token. */
  entries(): LocalListItem[] {
    return [...this.items.values()].sort((a, b) => (a.idToken.toLowerCase() < b.idToken.toLowerCase() ? -1 : 1));
  }

  /** Forgets the list, as a factory reset or a replaced controller board would. */
  clear(): void {
    this.items.clear();
    this.listVersion = 0;
  }
}
