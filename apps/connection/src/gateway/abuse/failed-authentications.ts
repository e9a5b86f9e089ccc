import { BoundedTable } from './bounded-table';

export type BlockScope = 'address' | 'station';

/** How many station ids an episode names; past it, only that there were more. */
const STATION_ID_SAMPLE = 10;

export interface FailedAuthenticationLimits {
  failuresPerAddress: number;
  failuresPerStation: number;
  failureWindowMs: number;
  blockMs: number;
  /** The most entries each table (failures, blocks, last good address per station) keeps. */
  trackedKeys: number;
}

/** One block, from the failure that started it to its end: what its one summary reports. */
export interface BlockEpisode {
  scope: BlockScope;
  /** The address or the station id blocked. */
  key: string;
  startedAt: number;
  until: number;
  /** Failures within the window that started the block. */
  failures: number;
  firstFailureAt: number;
  /** Tries refused without a lookup while the block held. */
  refused: number;
  /** Station ids tried (address blocks) or addresses tried from (station blocks), a sample. */
  tried: Set<string>;
  triedMore: boolean;
  /** The station id the first failure named: what the summary event is filed under. */
  firstStationId: string;
}

interface FailureWindow {
  count: number;
  startedAt: number;
  tried: Set<string>;
  triedMore: boolean;
  firstStationId: string;
}

export type BlockCheck = { blocked: false } | { blocked: true; scope: BlockScope; retryAfterMs: number };

function addSample(sample: Set<string>, value: string): boolean {
  if (sample.has(value)) return false;
  if (sample.size >= STATION_ID_SAMPLE) return true;
  sample.add(value);
  return false;
}

/**
 * Failed authentications per address and per station id in a fixed window from the first
 * failure; at the threshold the address (or station id) is blocked for `blockMs`, and tries it
 * makes meanwhile are refused without a lookup and only counted. A station id's own last good
 * address is exempt from blocks, so that failures by others cannot lock a station out from where
 * it really is. Every table is bounded; an episode pushed out of its table ends early (it is
 * still reported).
 */
export class FailedAuthentications {
  private readonly failures: BoundedTable<FailureWindow>;
  private readonly blocks: BoundedTable<BlockEpisode>;
  private readonly lastGoodAddress: BoundedTable<string>;
  private readonly evicted: BlockEpisode[] = [];

  constructor(private readonly limits: FailedAuthenticationLimits) {
    this.failures = new BoundedTable(limits.trackedKeys);
    this.blocks = new BoundedTable(limits.trackedKeys, (_key, episode) => this.evicted.push(episode));
    this.lastGoodAddress = new BoundedTable(limits.trackedKeys);
  }

  /** Whether a try from `address` for `stationId` (undefined: the path named none) is refused now. */
  check(address: string, stationId: string | undefined, now: number): BlockCheck {
    if (stationId !== undefined && this.lastGoodAddress.peek(stationId) === address) return { blocked: false };
    const byAddress = this.activeBlock(`address:${address}`, now);
    const byStation = stationId === undefined ? undefined : this.activeBlock(`station:${stationId}`, now);
    const episode = byAddress ?? byStation;
    if (!episode) return { blocked: false };
    episode.refused += 1;
    const tried = episode.scope === 'address' ? stationId : address;
    if (tried !== undefined && addSample(episode.tried, tried)) episode.triedMore = true;
    return { blocked: true, scope: episode.scope, retryAfterMs: episode.until - now };
  }

  /** Records a failed authentication; returns the episodes it started (none, one or both scopes). */
  failed(address: string, stationId: string, now: number): BlockEpisode[] {
    const started: BlockEpisode[] = [];
    const addressBlock = this.count('address', address, stationId, stationId, now);
    if (addressBlock) started.push(addressBlock);
    const stationBlock = this.count('station', stationId, address, stationId, now);
    if (stationBlock) started.push(stationBlock);
    return started;
  }

  /** The station proved who it is from `address`: that address is exempt from its blocks. */
  succeeded(address: string, stationId: string): void {
    this.lastGoodAddress.set(stationId, address);
    this.failures.delete(`station:${stationId}`);
  }

  /** Ends the blocks that have lapsed (and any pushed out of the table); each is reported once. */
  endLapsed(now: number): BlockEpisode[] {
    const lapsed = this.blocks.sweep((episode) => episode.until <= now).map(([, episode]) => episode);
    this.failures.sweep((window) => now - window.startedAt > this.limits.failureWindowMs);
    return [...this.evicted.splice(0), ...lapsed];
  }

  /** Ends every block (shutdown): their summaries must not be lost. */
  endAll(): BlockEpisode[] {
    return [...this.evicted.splice(0), ...this.blocks.sweep(() => true).map(([, episode]) => episode)];
  }

  get blocked(): number {
    return this.blocks.size;
  }

  private activeBlock(key: string, now: number): BlockEpisode | undefined {
    const episode = this.blocks.peek(key);
    return episode !== undefined && episode.until > now ? episode : undefined;
  }

  private count(scope: BlockScope, key: string, tried: string, stationId: string, now: number): BlockEpisode | undefined {
    const tableKey = `${scope}:${key}`;
    if (this.activeBlock(tableKey, now)) return undefined;
    let window = this.failures.get(tableKey);
    if (!window || now - window.startedAt > this.limits.failureWindowMs) {
      window = { count: 0, startedAt: now, tried: new Set(), triedMore: false, firstStationId: stationId };
      this.failures.set(tableKey, window);
    }
    window.count += 1;
    if (addSample(window.tried, tried)) window.triedMore = true;
    const threshold = scope === 'address' ? this.limits.failuresPerAddress : this.limits.failuresPerStation;
    if (window.count < threshold) return undefined;
    this.failures.delete(tableKey);
    // A lapsed block of the same key not swept yet is reported before its successor replaces it.
    const previous = this.blocks.peek(tableKey);
    if (previous) this.evicted.push(previous);
    const episode: BlockEpisode = {
      scope,
      key,
      startedAt: now,
      until: now + this.limits.blockMs,
      failures: window.count,
      firstFailureAt: window.startedAt,
      refused: 0,
      tried: window.tried,
      triedMore: window.triedMore,
      firstStationId: window.firstStationId,
    };
    this.blocks.set(tableKey, episode);
    return episode;
  }
}
