import { EnvelopeConsumer, Topics } from '@app/messaging';
import { HealthRegistry } from '@app/observability';
import pino from 'pino';
import type { CommandExecutor } from '../command.executor';
import { CommandIntake } from './command.intake';
import { ReplicaClaim } from './replica-claim';
import type { ReplicaIdentity } from './replica-identity';

/** A claim the test holds and loses at will. */
class SwitchedClaim extends ReplicaClaim {
  private holding = false;
  private readonly heldWaiters = new Set<() => void>();
  private readonly lostWaiters = new Set<() => void>();

  get held(): boolean {
    return this.holding;
  }

  get mayHeartbeat(): boolean {
    return this.holding;
  }

  set(holding: boolean): void {
    this.holding = holding;
    const waiters = holding ? this.heldWaiters : this.lostWaiters;
    waiters.forEach((resolve) => resolve());
    waiters.clear();
  }

  describe(): string {
    return this.holding ? 'held' : 'lost';
  }

  whenHeld(): Promise<void> {
    return this.holding ? Promise.resolve() : new Promise((resolve) => this.heldWaiters.add(resolve));
  }

  whenLost(): Promise<void> {
    return this.holding ? new Promise((resolve) => this.lostWaiters.add(resolve)) : Promise.resolve();
  }

  async release(): Promise<void> {}
}

/** The consumer group as the intake uses it: who is in it, and subscribes that fail while `failing` is above zero. */
class FakeConsumer {
  member = false;
  subscribes = 0;
  failing = 0;

  async subscribe(subscription: { topic: string; groupId: string; partition?: number }): Promise<void> {
    this.subscribes += 1;
    expect(subscription).toMatchObject({ topic: Topics.commands, groupId: 'connection.commands.replica-3', partition: 3 });
    if (this.failing > 0) {
      this.failing -= 1;
      throw new Error('The group coordinator is not available');
    }
    this.member = true;
  }

  async unsubscribe(topic: string, groupId: string): Promise<void> {
    expect([topic, groupId]).toEqual([Topics.commands, 'connection.commands.replica-3']);
    this.member = false;
  }
}

function intakeWith(claim: ReplicaClaim, consumer: FakeConsumer, health: HealthRegistry): CommandIntake {
  const identity = { index: 3 } as ReplicaIdentity;
  return new CommandIntake(consumer as unknown as EnvelopeConsumer, {} as CommandExecutor, claim, identity, health, pino({ level: 'silent' }));
}

describe('CommandIntake', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('leaves the commands consumer group when the index is lost and joins it again once the index is held again', async () => {
    const claim = new SwitchedClaim();
    const consumer = new FakeConsumer();
    const health = new HealthRegistry();
    claim.set(true);
    const intake = intakeWith(claim, consumer, health);
    await intake.onApplicationBootstrap();
    expect(consumer.member).toBe(true);

    claim.set(false);
    await jest.advanceTimersByTimeAsync(0);
    expect(consumer.member).toBe(false);
    expect((await health.evaluate()).checks.commands?.ok).toBe(false);

    claim.set(true);
    await jest.advanceTimersByTimeAsync(0);
    expect(consumer.member).toBe(true);
    expect(consumer.subscribes).toBe(2);
    await intake.onModuleDestroy();
  });

  it('retries a subscribe that fails after the index is taken over, backing off, and stops retrying at shutdown', async () => {
    const claim = new SwitchedClaim();
    const consumer = new FakeConsumer();
    const intake = intakeWith(claim, consumer, new HealthRegistry());
    await intake.onApplicationBootstrap();
    consumer.failing = 2;
    claim.set(true);
    await jest.advanceTimersByTimeAsync(0);
    expect(consumer.subscribes).toBe(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(consumer.subscribes).toBe(2);
    await jest.advanceTimersByTimeAsync(1999);
    expect(consumer.subscribes).toBe(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(consumer.subscribes).toBe(3);
    expect(consumer.member).toBe(true);

    claim.set(false);
    await jest.advanceTimersByTimeAsync(0);
    consumer.failing = Infinity;
    claim.set(true);
    await jest.advanceTimersByTimeAsync(0);
    const beforeShutdown = consumer.subscribes;
    await intake.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(consumer.subscribes).toBe(beforeShutdown);
  });
});
