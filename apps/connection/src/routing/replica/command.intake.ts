import { EnvelopeConsumer, Topics } from '@app/messaging';
import { HealthRegistry, ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { CommandExecutor } from '../command.executor';
import { ReplicaClaim } from './replica-claim';
import { ReplicaIdentity } from './replica-identity';

/**
 * Consumes this replica's partition of ocpp.commands, but only while it holds its index: a
 * second process with the same index must not join the partition's consumer group (it would
 * take commands for stations it does not hold). Until it consumes, the replica is not ready.
 */
@Injectable()
export class CommandIntake implements OnApplicationBootstrap {
  private consuming = false;
  private readonly logger: Logger;

  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly executor: CommandExecutor,
    private readonly claim: ReplicaClaim,
    private readonly identity: ReplicaIdentity,
    private readonly health: HealthRegistry,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'commands', replicaIndex: identity.index });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.health.register('commands', async () => ({ ok: this.consuming, detail: this.consuming ? `consuming partition ${this.identity.index}` : 'waiting for the replica index' }));
    // The common case is settled before start-up goes on, as before; a clash waits in the background.
    if (this.claim.held) return this.consume();
    void this.claim
      .whenHeld()
      .then(() => this.consume())
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not consume commands after taking the replica index over'));
  }

  private async consume(): Promise<void> {
    await this.consumer.subscribe({
      topic: Topics.commands,
      groupId: `connection.commands.replica-${this.identity.index}`,
      partition: this.identity.index,
      // A new replica starts with the commands sent from now on; older ones are past their deadlines.
      from: 'now',
      handle: async (command) => this.executor.receive(command),
    });
    this.consuming = true;
  }
}
