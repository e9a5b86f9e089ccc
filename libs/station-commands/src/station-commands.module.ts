import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { EnvelopeConsumer, EnvelopePublisher, MESSAGE_BUS, type MessageBus, Topics } from '@app/messaging';
import { HealthRegistry } from '@app/observability';
import { type DynamicModule, Inject, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PresenceDirectory } from './presence-directory';
import { PresenceReplay } from './presence-replay';
import { StationCommandClient } from './station-command.client';

const ORIGIN_SERVICE = Symbol('ORIGIN_SERVICE');

/** How often listeners learn of stations whose replica's heartbeat ran out. */
const EXPIRY_SWEEP_MS = 1000;

/**
 * The command client for one service. Every process follows presence and
 * results in consumer groups of its own (one per process instance), so each
 * sees every presence change and the results of the commands it sent. The
 * process is not ready before it has replayed presence as far as it reached at
 * start: until then a connected station could look unknown (ADR 042).
 */
@Module({})
export class StationCommandsModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly instance = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly replay = new PresenceReplay();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    @Inject(ORIGIN_SERVICE) private readonly originService: string,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly consumer: EnvelopeConsumer,
    private readonly presence: PresenceDirectory,
    private readonly client: StationCommandClient,
    private readonly health: HealthRegistry,
  ) {}

  static forService(originService: string): DynamicModule {
    return {
      module: StationCommandsModule,
      providers: [
        { provide: ORIGIN_SERVICE, useValue: originService },
        {
          provide: PresenceDirectory,
          inject: [RUNTIME_CONFIG],
          // Every connection replica sends heartbeats, so over Kafka a station on a partition without one is on no live
          // replica. In one process the in-process bus delivers only what is published after subscribing: the first
          // heartbeat may come before the directory listens, and the replica is this very process anyway.
          useFactory: (config: RuntimeConfig) => new PresenceDirectory({ requireHeartbeat: config.messaging.kind === 'kafka' }),
        },
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
    this.health.register(`presence:${this.originService}`, async () => ({ ok: this.replay.caughtUp, detail: this.replay.describe() }));
    // The ends are read before consuming starts: whatever was there at start must be read before ready.
    this.replay.begin(await this.bus.endOffsets(Topics.presence));
    await this.consumer.subscribe({
      topic: Topics.presence,
      groupId: `${this.originService}.presence.${this.instance}`,
      groupLabel: `${this.originService}.presence`,
      from: 'beginning',
      handle: async (presence) => this.presence.apply(presence),
      onSettled: (record) => this.replay.seen(record.partition, record.offset),
    });
    await this.consumer.subscribe({
      topic: Topics.results,
      groupId: `${this.originService}.command-results.${this.instance}`,
      groupLabel: `${this.originService}.command-results`,
      from: 'now',
      handle: async (result) => this.client.receive(result),
    });
    this.sweeper = setInterval(() => this.presence.sweep(), EXPIRY_SWEEP_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }
}
