import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EnvelopeConsumer, EnvelopePublisher, Topics } from '@app/messaging';
import { type DynamicModule, Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { PresenceDirectory } from './presence-directory';
import { StationCommandClient } from './station-command.client';

const ORIGIN_SERVICE = Symbol('ORIGIN_SERVICE');

/**
 * The command client for one service. Every process follows presence and
 * results in consumer groups of its own (one per process instance), so each
 * sees every presence change and the results of the commands it sent.
 */
@Module({})
export class StationCommandsModule implements OnApplicationBootstrap {
  private readonly instance = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;

  constructor(
    @Inject(ORIGIN_SERVICE) private readonly originService: string,
    private readonly consumer: EnvelopeConsumer,
    private readonly presence: PresenceDirectory,
    private readonly client: StationCommandClient,
  ) {}

  static forService(originService: string): DynamicModule {
    return {
      module: StationCommandsModule,
      providers: [
        { provide: ORIGIN_SERVICE, useValue: originService },
        PresenceDirectory,
        {
          provide: StationCommandClient,
          inject: [PresenceDirectory, EnvelopePublisher],
          useFactory: (presence: PresenceDirectory, publisher: EnvelopePublisher) => new StationCommandClient(originService, presence, publisher),
        },
      ],
      exports: [StationCommandClient, PresenceDirectory],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.subscribe({
      topic: Topics.presence,
      groupId: `${this.originService}.presence.${this.instance}`,
      from: 'beginning',
      handle: async (presence) => this.presence.apply(presence),
    });
    await this.consumer.subscribe({
      topic: Topics.results,
      groupId: `${this.originService}.command-results.${this.instance}`,
      from: 'now',
      handle: async (result) => this.client.receive(result),
    });
  }
}
