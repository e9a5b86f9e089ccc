import { hostname } from 'node:os';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { ROOT_LOGGER } from '@app/observability';
import { type CommandBody, type CommandOutcome, PresenceDirectory, StationCommandClient } from '@app/station-commands';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { type ProfileUpgrade, ProfileUpgradeRepository, type StepRecord, type UpgradeStep } from './profile-upgrade.repository';
import { StationRegistryClient } from './station-registry.client';
import { mayDrive } from './upgrade-lease';
import { PRIORITY_KEY, SECURITY_PROFILE_KEY, freeSlot, networkProfilePayload, parsePriority, upgradedPriority } from './upgrade-plan';

const COMMAND_TIMEOUT_MS = 30_000;
const POLL_MS = 250;
const RESUME_SWEEP_MS = 2_000;
/** A job's lease: renewed before every step and every LEASE_RENEW_MS while one runs (a wait for the station may take minutes). */
const LEASE_SECONDS = 60;
const LEASE_RENEW_MS = 15_000;

/** Thrown to stop driving a job because the process is shutting down; the row stays running and is resumed. */
class Stopping extends Error {}

/**
 * Drives profile upgrades step by step: InstallCertificate (the active root) → the new
 * configuration (2.0.1 SetNetworkProfile into a free slot + NetworkConfigurationPriority with the
 * old slots as fallback; 1.6 ChangeConfiguration SecurityProfile) → Reset → wait until the station
 * is connected on the new profile → raise its registered minimum at the connection service. A
 * failed or timed-out step after the configuration is rolled back (old priority or profile, Reset).
 * Every step is written to profile_upgrade before the next one, and running jobs are resumed after
 * a restart at the step they were at (a command step is simply sent again). A lease in the row
 * lets one replica at a time drive a job; the sweep hands a job whose runner's lease ran out to
 * another replica, and a runner that lost its lease can no longer write the job's steps.
 */
@Injectable()
export class ProfileUpgradeRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly driving = new Map<string, Promise<void>>();
  private readonly logger: Logger;
  private readonly timeoutMs: number;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  /** The host name, as root distribution: a replica restarted in place takes its jobs back at once, another host waits for the lease to run out. */
  private readonly runnerId = hostname();

  constructor(
    private readonly upgrades: ProfileUpgradeRepository,
    private readonly commands: StationCommandClient,
    private readonly presence: PresenceDirectory,
    private readonly registry: StationRegistryClient,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'profile-upgrade' });
    this.timeoutMs = config.pki.profileUpgrade.timeoutSeconds * 1000;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.resume(), RESUME_SWEEP_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await Promise.all(this.driving.values());
  }

  /** Starts driving `job` in the background (no-op when this process already drives it). */
  drive(job: ProfileUpgrade): void {
    if (this.driving.has(job.id) || this.stopping) return;
    const logger = this.logger.child({ stationId: job.stationId, profileUpgradeId: job.id });
    const run = this.run(job, logger)
      .catch((error: unknown) => {
        if (!(error instanceof Stopping)) logger.error({ err: error }, 'profile upgrade step failed; resumed by the next sweep');
      })
      .finally(() => this.driving.delete(job.id));
    this.driving.set(job.id, run);
  }

  private async resume(): Promise<void> {
    try {
      const now = new Date();
      for (const job of await this.upgrades.running()) if (mayDrive(job, this.runnerId, now)) this.drive(job);
    } catch (error) {
      this.logger.error({ err: error }, 'could not read the running profile upgrades');
    }
  }

  private async run(initial: ProfileUpgrade, logger: Logger): Promise<void> {
    const renew = () => this.upgrades.lease(initial.id, this.runnerId, LEASE_SECONDS);
    const renewal = setInterval(() => void renew().catch((error: unknown) => logger.warn({ err: error }, 'could not renew the lease of a profile upgrade')), LEASE_RENEW_MS);
    renewal.unref();
    try {
      let job: ProfileUpgrade | undefined = initial;
      while (job?.status === 'running' && !this.stopping) {
        // Another replica holds it (or took it over): its steps are that replica's to send.
        if (!(await renew())) return;
        job = await this.upgrades.find(job.id);
        if (job?.status !== 'running') return;
        await this.step(job, logger);
        job = await this.upgrades.find(job.id);
      }
    } finally {
      clearInterval(renewal);
    }
  }

  private async step(job: ProfileUpgrade, logger: Logger): Promise<void> {
    switch (job.step) {
      case 'installRoot':
        return this.installRoot(job);
      case 'configure':
        return job.protocol === '2.0.1' ? this.configure201(job) : this.configure16(job);
      case 'reset': {
        const record = await this.command(job, 'reset', 'Reset', resetOf(job));
        if (!record.ok) return this.startRollback(job, [record], `the station did not accept Reset (${record.detail})`);
        return this.upgrades.advance(job.id, this.runnerId, [record], 'awaitReconnect', { deadline: new Date(Date.now() + this.timeoutMs) });
      }
      case 'awaitReconnect':
        return this.awaitReconnect(job);
      case 'raiseMinimum': {
        const raised = await this.registry.raiseMinimumProfile(job.stationId, job.toProfile);
        const record: StepRecord = { step: 'raiseMinimum', action: 'raise the registered minimum profile', ok: raised.ok, at: now(), ...(raised.ok ? { answer: raised } : { detail: raised.detail }) };
        if (!raised.ok) {
          // The station is on the new profile already: rolling it back would be the greater harm.
          return this.upgrades.finish(job.id, this.runnerId, 'failed', [record], `station ${job.stationId} is on profile ${job.toProfile} but its registered minimum was not raised: ${raised.detail}`);
        }
        logger.info({ fromProfile: job.fromProfile, toProfile: job.toProfile }, 'station upgraded to a higher security profile');
        return this.upgrades.finish(job.id, this.runnerId, 'succeeded', [record]);
      }
      case 'rollback':
        return this.rollback(job, logger);
      case 'done':
        return;
    }
  }

  private async installRoot(job: ProfileUpgrade): Promise<void> {
    const root = await this.upgrades.activeRootPem();
    if (root === undefined) return this.upgrades.finish(job.id, this.runnerId, 'failed', [], 'there is no active root CA to install');
    const record = await this.command(job, 'installRoot', 'InstallCertificate CSMSRootCertificate', { case: 'installCertificate', value: { certificateType: 'CSMSRootCertificate', certificatePem: root } });
    if (!record.ok) return this.upgrades.finish(job.id, this.runnerId, 'failed', [record], `the station did not install the CSMS root (${record.detail}); nothing was changed`);
    return this.upgrades.advance(job.id, this.runnerId, [record], 'configure');
  }

  private async configure201(job: ProfileUpgrade): Promise<void> {
    const read = await this.command(job, 'configure', `GetVariables ${PRIORITY_KEY}`, { case: 'getConfiguration', value: { keys: [PRIORITY_KEY] } });
    const settings = (read.answer as { settings?: { key: string; value?: string }[] } | undefined)?.settings;
    const previous = parsePriority(settings?.find((setting) => setting.key === PRIORITY_KEY)?.value);
    if (!read.ok || previous === undefined) {
      return this.upgrades.finish(job.id, this.runnerId, 'failed', [read], `the station did not report its NetworkConfigurationPriority (${read.detail ?? 'no usable value'}); nothing was changed`);
    }
    const slot = freeSlot(previous);
    const payload = networkProfilePayload(slot, job.csmsUrl, job.toProfile);
    const stored = await this.command(job, 'configure', `SetNetworkProfile slot ${slot}`, { case: 'rawCall', value: { action: 'SetNetworkProfile', payloadJson: JSON.stringify(payload) } });
    if (!stored.ok) return this.upgrades.finish(job.id, this.runnerId, 'failed', [read, stored], `the station refused the new network profile (${stored.detail}); nothing was changed`);
    const priority = upgradedPriority(slot, previous);
    const ordered = await this.command(job, 'configure', `SetVariables ${PRIORITY_KEY}=${priority}`, { case: 'setConfiguration', value: { settings: [{ key: PRIORITY_KEY, value: priority }] } });
    const changes = { previousPriority: previous.join(','), networkSlot: slot };
    if (!ordered.ok) return this.startRollback(job, [read, stored, ordered], `the station refused NetworkConfigurationPriority ${priority} (${ordered.detail})`, changes);
    return this.upgrades.advance(job.id, this.runnerId, [read, stored, ordered], 'reset', changes);
  }

  private async configure16(job: ProfileUpgrade): Promise<void> {
    const record = await this.command(job, 'configure', `ChangeConfiguration ${SECURITY_PROFILE_KEY}=${job.toProfile}`, {
      case: 'setConfiguration',
      value: { settings: [{ key: SECURITY_PROFILE_KEY, value: String(job.toProfile) }] },
    });
    if (!record.ok) return this.upgrades.finish(job.id, this.runnerId, 'failed', [record], `the station refused ${SECURITY_PROFILE_KEY} ${job.toProfile} (${record.detail}); nothing was changed`);
    return this.upgrades.advance(job.id, this.runnerId, [record], 'reset');
  }

  private async awaitReconnect(job: ProfileUpgrade): Promise<void> {
    const deadline = job.deadline?.getTime() ?? Date.now() + this.timeoutMs;
    const onNewProfile = await this.waitFor(deadline, () => {
      const location = this.presence.locate(job.stationId);
      return location?.connected === true && location.securityProfile >= job.toProfile;
    });
    const location = this.presence.locate(job.stationId);
    const seen = location?.connected ? `connected on profile ${location.securityProfile}` : 'not connected';
    const record: StepRecord = { step: 'awaitReconnect', action: `wait for a connection on profile ${job.toProfile}`, ok: onNewProfile, at: now(), detail: seen };
    if (onNewProfile) return this.upgrades.advance(job.id, this.runnerId, [record], 'raiseMinimum', { deadline: null });
    return this.startRollback(job, [record], `the station did not come back on profile ${job.toProfile} within ${this.timeoutMs / 1000} s (it is ${seen})`);
  }

  private startRollback(job: ProfileUpgrade, records: StepRecord[], reason: string, changes: { previousPriority?: string; networkSlot?: number } = {}): Promise<void> {
    return this.upgrades.advance(job.id, this.runnerId, records, 'rollback', { ...changes, reason, deadline: new Date(Date.now() + this.timeoutMs) });
  }

  /** Restores the previous priority (2.0.1) or profile (1.6) once the station is reachable again, and resets it onto it. */
  private async rollback(job: ProfileUpgrade, logger: Logger): Promise<void> {
    const deadline = job.deadline?.getTime() ?? Date.now() + this.timeoutMs;
    const reachable = await this.waitFor(deadline, () => this.presence.locate(job.stationId)?.connected === true);
    const reason = job.reason ?? 'the upgrade failed';
    if (!reachable) {
      const record: StepRecord = { step: 'rollback', action: 'wait for the station to roll back', ok: false, at: now(), detail: 'not connected' };
      return this.upgrades.finish(job.id, this.runnerId, 'failed', [record], `${reason}; rollback not possible: the station is not connected`);
    }
    const restore =
      job.protocol === '2.0.1'
        ? job.previousPriority === null
          ? undefined
          : await this.command(job, 'rollback', `SetVariables ${PRIORITY_KEY}=${job.previousPriority}`, { case: 'setConfiguration', value: { settings: [{ key: PRIORITY_KEY, value: job.previousPriority }] } })
        : await this.command(job, 'rollback', `ChangeConfiguration ${SECURITY_PROFILE_KEY}=${job.fromProfile}`, { case: 'setConfiguration', value: { settings: [{ key: SECURITY_PROFILE_KEY, value: String(job.fromProfile) }] } });
    const reset = await this.command(job, 'rollback', 'Reset', resetOf(job));
    const records = restore === undefined ? [reset] : [restore, reset];
    const rolledBack = records.every((record) => record.ok);
    logger.warn({ reason, rolledBack }, 'profile upgrade failed and was rolled back');
    return this.upgrades.finish(job.id, this.runnerId, 'failed', records, rolledBack ? `${reason}; rolled back` : `${reason}; rollback incomplete (see steps)`);
  }

  private async command(job: ProfileUpgrade, step: UpgradeStep, action: string, body: CommandBody): Promise<StepRecord> {
    // A moment offline (a restart of ours before the presence directory caught up, a station
    // still rebooting) is waited out instead of failing the step at once.
    await this.waitFor(Date.now() + COMMAND_TIMEOUT_MS, () => this.presence.locate(job.stationId)?.connected === true);
    const outcome = await this.commands.send(job.stationId, body, { timeoutMs: COMMAND_TIMEOUT_MS });
    const ok = outcome.status === 'accepted';
    return { step, action, ok, at: now(), ...(outcome.result === undefined ? {} : { answer: outcome.result }), ...(ok ? {} : { detail: detailOf(outcome) }) };
  }

  /** Polls `condition` until it holds (true) or `deadline` passes (false); throws Stopping on shutdown. */
  private async waitFor(deadline: number, condition: () => boolean): Promise<boolean> {
    for (;;) {
      if (condition()) return true;
      if (this.stopping) throw new Stopping();
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

/** 2.0.1 OnIdle (no running transaction is cut; B10 takes the new slot on the restart); 1.6 Hard, as TC_083 expects. */
function resetOf(job: ProfileUpgrade): CommandBody {
  return { case: 'reset', value: { hard: job.protocol === '1.6' } };
}

function now(): string {
  return new Date().toISOString();
}

function detailOf(outcome: CommandOutcome): string {
  if (outcome.status === 'rejected') return `answered ${typeof outcome.result?.status === 'string' ? outcome.result.status : 'Rejected'}`;
  return `${outcome.status}${outcome.errorDescription ? `: ${outcome.errorDescription}` : ''}`;
}
