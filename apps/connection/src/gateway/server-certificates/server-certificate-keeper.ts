import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Logger } from 'pino';
import { renewalDelay, retryDelay } from './renewal-timing';
import { type ServerKeyType, createServerKeyAndCsr } from './server-csr';

/** A signing request that takes longer is abandoned (and retried). */
const REQUEST_TIMEOUT_MS = 20_000;

/** Where one key type's certificate chain and key are kept: a pair of OCPP_TLS_CERT_FILES / KEY_FILES. */
export interface ServerCertificateSlot {
  readonly keyType: ServerKeyType;
  readonly certFile: string;
  readonly keyFile: string;
}

export interface ServerCertificateKeeperOptions {
  /** The PKI's base URL (OCPP_TLS_SERVER_CERT_FROM_PKI). */
  readonly pkiUrl: string;
  readonly internalApiToken: string;
  readonly names: readonly string[];
  readonly slots: readonly ServerCertificateSlot[];
  readonly logger: Logger;
  /** Called after new files were written, so the TLS context is rebuilt at once. */
  readonly onWritten: () => void;
}

interface Issued {
  readonly serialNumber: string;
  readonly notAfter: Date;
  readonly certificateChainPem: string;
}

/**
 * Keeps the gateway's RSA and ECDSA server certificates issued by our PKI: at start and at 2/3 of
 * their life it generates fresh keys here (they never leave this process but for the owner-only key
 * files), has both CSRs signed and replaces the files by rename. Both or neither: a failed round
 * leaves the current files and is retried with backoff.
 */
export class ServerCertificateKeeper {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failures = 0;
  private currentNotAfter: Date | undefined;

  constructor(private readonly options: ServerCertificateKeeperOptions) {
    this.currentNotAfter = this.notAfterOnDisk();
  }

  /**
   * One round before the gateway listens. Without usable files on disk it keeps trying (wss://
   * cannot open without a certificate); with them, a failure is retried in the background.
   */
  async start(): Promise<void> {
    for (;;) {
      const delay = await this.renewOnce();
      if (this.failures === 0 || this.currentNotAfter !== undefined || this.stopped) return this.schedule(delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** One round: the delay until the next one. */
  async renewOnce(now: () => Date = () => new Date()): Promise<number> {
    const { logger, slots } = this.options;
    try {
      const fresh = slots.map((slot) => ({ slot, ...createServerKeyAndCsr(slot.keyType, this.options.names[0] as string) }));
      const issued = await Promise.all(fresh.map((request) => this.sign(request.csrPem)));
      const receivedAt = now();
      await replaceAll(
        fresh.flatMap((request, index) => [
          { file: request.slot.keyFile, content: request.keyPem },
          { file: request.slot.certFile, content: (issued[index] as Issued).certificateChainPem },
        ]),
      );
      this.failures = 0;
      const notAfter = new Date(Math.min(...issued.map((certificate) => certificate.notAfter.getTime())));
      this.currentNotAfter = notAfter;
      logger.info({ certificates: issued.map((certificate, i) => ({ keyType: slots[i]?.keyType, serialNumber: certificate.serialNumber, notAfter: certificate.notAfter.toISOString() })) }, 'new TLS server certificates from the PKI');
      this.options.onWritten();
      return renewalDelay(now(), receivedAt, notAfter);
    } catch (error) {
      this.failures += 1;
      const delay = retryDelay(this.failures, now(), this.currentNotAfter);
      logger.error({ err: error, failures: this.failures, retryInMs: delay }, 'could not renew the TLS server certificates; keeping the current ones');
      return delay;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.renewOnce().then((next) => this.schedule(next)), delayMs);
    this.timer.unref();
  }

  private async sign(csrPem: string): Promise<Issued> {
    const url = `${this.options.pkiUrl}/api/internal/pki/gateway-server-certificates`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.internalApiToken}` },
      body: JSON.stringify({ csrPem, names: this.options.names }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    // The PKI's problem detail says which rule refused; it holds no key material (only public CSR facts).
    if (response.status !== 201) throw new Error(`${url} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as { serialNumber: string; notAfter: string; certificateChainPem: string };
    return { serialNumber: body.serialNumber, notAfter: new Date(body.notAfter), certificateChainPem: body.certificateChainPem };
  }

  /** The earliest notAfter of the certificates already on disk; undefined when one is missing or unreadable. */
  private notAfterOnDisk(): Date | undefined {
    try {
      const dates = this.options.slots.map((slot) => {
        if (!existsSync(slot.certFile) || !existsSync(slot.keyFile)) throw new Error('missing');
        return new Date(new X509Certificate(readFileSync(slot.certFile)).validTo);
      });
      const earliest = Math.min(...dates.map((date) => date.getTime()));
      return earliest > Date.now() ? new Date(earliest) : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * Writes every file to a temporary one (owner-only: keys are secrets, and the chains are no one
 * else's business) and only then renames them all over the old ones, back to back: readers see old
 * or new files, never half of one, and the reloader has the shortest window to see a new key beside
 * an old certificate (it would keep the previous context and retry; onWritten reloads at once).
 */
async function replaceAll(files: readonly { file: string; content: string }[]): Promise<void> {
  const temporaries = files.map(({ file }) => `${file}.${process.pid}.tmp`);
  try {
    for (const [index, { content }] of files.entries()) {
      const temporary = temporaries[index] as string;
      // A leftover of a crashed process would keep its mode: start afresh.
      await rm(temporary, { force: true });
      await writeFile(temporary, content, { mode: 0o600, flag: 'wx' });
    }
    for (const [index, { file }] of files.entries()) await rename(temporaries[index] as string, file);
  } catch (error) {
    await Promise.all(temporaries.map((temporary) => rm(temporary, { force: true })));
    throw error;
  }
}
