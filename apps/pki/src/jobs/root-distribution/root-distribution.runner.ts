import { hostname } from 'node:os';
import { ROOT_LOGGER } from '@app/observability';
import { PresenceDirectory, StationCommandClient } from '@app/station-commands';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { type CertificateHashData, certificateHashData, sameCertificate } from '@app/pki/inventory/certificate-hash-data';
import type { ReportedCertificate } from '@app/pki/inventory/installed-certificate';
import { InstalledCertificateReader } from '@app/pki/inventory/installed-certificate.reader';
import { fromPem } from '@app/pki/x509/pem-certificate';
import { progressOf } from './job-progress';
import { type RootJob, RootJobRepository } from './root-job.repository';
import { stepOutcomeOf } from './step-outcome';

const COMMAND_TIMEOUT_MS = 30_000;
/** A station seen offline is asked again this often before the step says `offline`: it may be reconnecting, or presence still loading after a restart. */
const OFFLINE_ATTEMPTS = 3;
const OFFLINE_RETRY_MS = 2_000;
/**
 * How long a step waits for the station to appear in ocpp.presence at all: right after a start the
 * directory is still loading, and a station it has not read yet would count as offline. A station
 * presence has never seen (an id that never connected) costs this wait once.
 */
const PRESENCE_WAIT_MS = 15_000;
const PRESENCE_POLL_MS = 250;
/** A job's lease: renewed after every step; a replica that died leaves the job to another after this. */
const LEASE_SECONDS = 120;
/** How often running jobs without a live runner are looked for (a replica that died, a run that failed). */
const SWEEP_MS = 30_000;

/** Runs `work` on every item with at most `limit` at once. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** Whether a station's reading lists `pem` (in whatever hash algorithm the station chose). */
function lists(reported: readonly ReportedCertificate[], pem: string): boolean {
  const der = fromPem(pem);
  if (!der) return false;
  return reported.some((entry) => sameCertificate(entry.hashData, certificateHashData(der, der, entry.hashData.hashAlgorithm)));
}

/**
 * Drives root distribution jobs: each round asks `progressOf` what is next, sends those steps with
 * bounded concurrency, records every station's answer, and reads the station's inventory after
 * each accepted step (so the inventory stays current and a rollover knows the new root is there).
 * Jobs still `running` at startup are resumed, and a sweep picks up those whose runner went away;
 * a lease in the job's row lets one replica at a time drive a job. A step whose answer was not
 * recorded is sent again.
 */
@Injectable()
export class RootDistributionRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly active = new Map<string, Promise<void>>();
  private stopping = false;
  private sweep: NodeJS.Timeout | undefined;
  /**
   * The host name, so a replica restarted in place (same pod) takes its jobs back at once instead of
   * waiting out its own lease; a replica on another host waits for the lease to run out.
   */
  private readonly runnerId = hostname();
  private readonly logger: Logger;

  constructor(
    private readonly jobs: RootJobRepository,
    private readonly commands: StationCommandClient,
    private readonly presence: PresenceDirectory,
    private readonly inventory: InstalledCertificateReader,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'root-distribution' });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.resumeRunning();
    this.sweep = setInterval(() => void this.resumeRunning().catch((error: unknown) => this.logger.warn({ err: error }, 'could not look for running jobs')), SWEEP_MS);
    this.sweep.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweep);
    await Promise.allSettled(this.active.values());
  }

  private async resumeRunning(): Promise<void> {
    for (const id of await this.jobs.runningIds()) this.start(id);
  }

  /** Starts (or resumes) a job in the background; a job already running here is not started twice. */
  start(jobId: string): void {
    if (this.active.has(jobId) || this.stopping) return;
    const run = this.run(jobId)
      .catch((error: unknown) => this.logger.error({ err: error, jobId }, 'root distribution job stopped; the sweep resumes it'))
      .finally(() => this.active.delete(jobId));
    this.active.set(jobId, run);
  }

  private async run(jobId: string): Promise<void> {
    while (!this.stopping) {
      if (!(await this.jobs.lease(jobId, this.runnerId, LEASE_SECONDS))) return;
      const found = await this.jobs.find(jobId);
      if (!found) return;
      const progress = progressOf(found.job.kind, found.stations);
      if (!progress.next) {
        await this.jobs.finish(jobId, progress.status, progress.phase);
        this.logger.info({ jobId, status: progress.status, phase: progress.phase }, 'root distribution job finished');
        return;
      }
      if (progress.phase !== found.job.phase) await this.jobs.setPhase(jobId, progress.phase);
      const { step, stationIds } = progress.next;
      await eachLimited(stationIds, found.job.concurrency, (stationId) => (this.stopping ? Promise.resolve() : this.runStep(found.job, step, stationId)));
    }
  }

  private async runStep(job: RootJob, step: 'install' | 'delete', stationId: string): Promise<void> {
    const body = step === 'install' ? this.installBody(job) : this.deleteBody(job.oldHashData);
    for (let waited = 0; this.presence.locate(stationId) === undefined && waited < PRESENCE_WAIT_MS && !this.stopping; waited += PRESENCE_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, PRESENCE_POLL_MS));
    }
    let sent = await this.commands.send(stationId, body, { timeoutMs: COMMAND_TIMEOUT_MS, correlationId: job.id, actor: job.createdBy });
    for (let attempt = 1; sent.status === 'not-connected' && attempt < OFFLINE_ATTEMPTS && !this.stopping; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, OFFLINE_RETRY_MS));
      sent = await this.commands.send(stationId, body, { timeoutMs: COMMAND_TIMEOUT_MS, correlationId: job.id, actor: job.createdBy });
    }
    const { outcome, answer } = stepOutcomeOf(sent);
    await this.jobs.recordStep(job.id, stationId, step, outcome, answer);
    await this.jobs.lease(job.id, this.runnerId, LEASE_SECONDS);
    this.logger.info({ jobId: job.id, stationId, step, outcome }, 'root distribution step');
    if (outcome !== 'accepted') return;
    const reading = await this.inventory.refresh(stationId);
    if (step === 'install' && reading.ok && job.certificatePem && lists(reading.certificates, job.certificatePem)) await this.jobs.confirmed(job.id, stationId);
  }

  private installBody(job: RootJob) {
    return { case: 'installCertificate' as const, value: { certificateType: job.certificateType, certificatePem: job.certificatePem ?? '' } };
  }

  private deleteBody(hashData: CertificateHashData | undefined) {
    return { case: 'deleteCertificate' as const, value: { certificate: hashData ? { ...hashData } : undefined } };
  }
}
