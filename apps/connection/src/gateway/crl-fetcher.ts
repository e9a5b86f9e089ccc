import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { Logger } from 'pino';
import { type CrlDocument, crlPem, readCrl } from './crl-document';

/** Never fetch more often than this, even with a CRL about to expire: the PKI may be down. */
const MIN_DELAY_MS = 5_000;
/** After a failed fetch: soon, but not in a tight loop. */
const RETRY_DELAY_MS = 30_000;
/** A CRL download that takes longer is abandoned (and retried). */
const FETCH_TIMEOUT_MS = 10_000;
/** Far above any CRL of a station PKI (10,000 revocations are ~410 kB). */
const MAX_CRL_OCTETS = 20 * 1024 * 1024;

export interface CrlFetcherOptions {
  /** The CRL of every CA in the client chains: OpenSSL checks each one once any CRL is loaded. */
  readonly urls: readonly string[];
  readonly file: string;
  readonly refreshMs: number;
  readonly logger: Logger;
  /** Called after the file changed, so the TLS context is rebuilt at once rather than at the next poll. */
  readonly onWritten: () => void;
  /** Called after every successful fetch, changed or not: open connections are checked against them. */
  readonly onFetched?: (crls: readonly CrlDocument[]) => void;
}

/**
 * When to fetch again: at the latest after `refreshMs`, and before the earliest nextUpdate by
 * halving the time left to it, so a CRL close to expiring is fetched again several times before.
 */
export function nextFetchDelay(now: Date, earliestNextUpdate: Date | undefined, refreshMs: number): number {
  if (earliestNextUpdate === undefined) return refreshMs;
  return Math.min(refreshMs, Math.max(MIN_DELAY_MS, (earliestNextUpdate.getTime() - now.getTime()) / 2));
}

/**
 * Keeps OCPP_TLS_CRL_FILE filled with the PKI's CRLs (OCPP_TLS_CRL_URLS), as PEM, at start and
 * then periodically. All CRLs or none: a file missing one CA's CRL would fail every handshake of
 * that chain (UNABLE_TO_GET_CRL), so after a failed fetch the previous file stays. The file is
 * replaced by rename, so the reloader never reads half of it.
 */
export class CrlFetcher {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: CrlFetcherOptions) {}

  /** Fetches once (the gateway starts with the result, whatever it is), then keeps fetching. */
  async start(): Promise<void> {
    this.schedule(await this.fetchOnce());
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** One round: the delay until the next one. */
  async fetchOnce(now: () => Date = () => new Date()): Promise<number> {
    const { urls, file, refreshMs, logger } = this.options;
    try {
      const crls = await Promise.all(urls.map((url) => fetchCrl(url)));
      const pem = crls.map((crl) => crlPem(crl.der)).join('');
      const expired = crls.flatMap((crl, i) => (crl.nextUpdate && crl.nextUpdate <= now() ? [urls[i]] : []));
      if (expired.length > 0) logger.error({ urls: expired }, 'the PKI serves an expired CRL: profile 3 handshakes of its chain fail until it is renewed');
      if (await this.replace(file, pem)) {
        logger.info({ file, crls: crls.map((crl, i) => ({ url: urls[i], nextUpdate: crl.nextUpdate?.toISOString() })) }, 'wrote fresh CRLs');
        this.options.onWritten();
      }
      this.options.onFetched?.(crls);
      const nextUpdates = crls.flatMap((crl) => (crl.nextUpdate ? [crl.nextUpdate] : []));
      const earliest = nextUpdates.length > 0 ? new Date(Math.min(...nextUpdates.map((date) => date.getTime()))) : undefined;
      return nextFetchDelay(now(), earliest, refreshMs);
    } catch (error) {
      logger.error({ err: error, urls }, 'could not fetch the CRLs; keeping the previous ones');
      return Math.min(refreshMs, RETRY_DELAY_MS);
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.fetchOnce().then((next) => this.schedule(next)), delayMs);
    this.timer.unref();
  }

  /** false when the file holds exactly this already (no reload needed). */
  private async replace(file: string, pem: string): Promise<boolean> {
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current === pem) return false;
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, pem, { mode: 0o644 });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return true;
  }
}

async function fetchCrl(url: string): Promise<CrlDocument> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  if (response.status !== 200) throw new Error(`${url} answered HTTP ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > MAX_CRL_OCTETS) throw new Error(`${url} answered ${body.length} octets, more than a CRL`);
  try {
    return readCrl(body);
  } catch (error) {
    throw new Error(`${url} answered something that is not a CRL: ${(error as Error).message}`);
  }
}
