import { EnvelopeConsumer, Topics } from '@app/messaging';
import { HealthRegistry, ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { CommandExecutor } from '../command.executor';
import { ReplicaClaim } from './replica-claim';
import { ReplicaIdentity } from './replica-identity';

/** A subscribe that failed is tried again after this long, doubling up to the cap. */
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/**
 * Consumes this replica's partition of ocpp.commands, but only while it may act as the replica
 * (ADR 042): a second process with the same index must not sit in the partition's consumer group
 * (it would take commands for stations it does not hold), so a replica that loses its index
 * leaves the group, and joins again once it holds the index again. Until it consumes, the
 * replica is not ready.
 */
@Injectable()
export class CommandIntake implements OnApplicationBootstrap, OnModuleDestroy {
  private consuming = false;
  private stopping = false;
  private shutdown!: () => void;
  private readonly stopped = new Promise<void>((resolve) => (this.shutdown = resolve));
  private running: Promise<void> | undefined;
  private readonly logger: Logger;
  private readonly groupId: string;

  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly executor: CommandExecutor,
    private readonly claim: ReplicaClaim,
    private readonly identity: ReplicaIdentity,
    private readonly health: HealthRegistry,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'commands', replicaIndex: identity.index });
    this.groupId = `connection.commands.replica-${identity.index}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.health.register('commands', async () => ({ ok: this.consuming, detail: this.consuming ? `consuming partition ${this.identity.index}` : 'waiting for the replica index' }));
    // The common case is settled before start-up goes on, as before; a clash or a retry waits in the background.
    if (this.claim.held) await this.join().catch((error: unknown) => this.logger.error({ err: error }, 'could not consume commands; trying again'));
    this.running = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.shutdown();
    await this.running;
  }

  /** Joins while the index is held, leaves when it is lost, for as long as the process runs. */
  private async run(): Promise<void> {
    for (let delayMs = FIRST_RETRY_MS; !this.stopping; ) {
      if (!this.consuming) {
        if (!(await this.until(this.claim.whenHeld()))) return;
        try {
          await this.join();
          delayMs = FIRST_RETRY_MS;
        } catch (error) {
          this.logger.error({ err: error, retryInMs: delayMs }, 'could not consume commands; trying again');
          await this.until(new Promise((resolve) => setTimeout(resolve, delayMs).unref()));
          delayMs = Math.min(delayMs * 2, MAX_RETRY_MS);
          continue;
        }
      }
      if (!(await this.until(this.claim.whenLost()))) return;
      this.logger.warn('lost the replica index: leaves the commands consumer group until it holds the index again');
      await this.leave();
    }
  }

  private async join(): Promise<void> {
    await this.consumer.subscribe({
      topic: Topics.commands,
      groupId: this.groupId,
      partition: this.identity.index,
      // A new replica starts with the commands sent from now on; older ones are past their deadlines.
      from: 'now',
      handle: async (command) => this.executor.receive(command),
    });
    this.consuming = true;
  }

  private async leave(): Promise<void> {
    this.consuming = false;
    await this.consumer.unsubscribe(Topics.commands, this.groupId).catch((error: unknown) => this.logger.error({ err: error }, 'could not leave the commands consumer group'));
  }

  /** Waits for `event`; false if the process began to shut down first. */
  private async until(event: Promise<unknown>): Promise<boolean> {
    await Promise.race([event, this.stopped]);
    return !this.stopping;
  }
}
