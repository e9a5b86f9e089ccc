import { MetricsRegistry } from '@app/observability';
import type { Admin } from 'kafkajs';
import pino from 'pino';
import { ConsumerLagMonitor } from './consumer-lag.monitor';

function fakeAdmin(committed: () => string) {
  return {
    fetchTopicOffsets: async () => [{ partition: 0, low: '0', high: '10', offset: '10' }],
    fetchOffsets: async () => {
      const offset = committed();
      return [{ topic: 'p.ocpp.events', partitions: [{ partition: 0, offset, metadata: null }] }];
    },
  } as unknown as Admin;
}

describe('consumer lag monitor', () => {
  it('serves the lag under the logical group and topic, and keeps the last reading when the brokers do not answer', async () => {
    let answer: string | Error = '4';
    const metrics = new MetricsRegistry();
    const monitor = new ConsumerLagMonitor(
      fakeAdmin(() => {
        if (answer instanceof Error) throw answer;
        return answer;
      }),
      metrics,
      60_000,
      pino({ level: 'silent' }),
    );
    monitor.watch({ groupId: 'p.pki.station-events', topic: 'p.ocpp.events', labels: { group: 'pki.station-events', topic: 'ocpp.events' }, from: 'beginning' });
    await monitor.poll();
    expect(await metrics.registry.metrics()).toContain('csms_kafka_consumer_lag{group="pki.station-events",topic="ocpp.events"} 6');
    answer = new Error('broker unreachable');
    await monitor.poll();
    expect(await metrics.registry.metrics()).toContain('csms_kafka_consumer_lag{group="pki.station-events",topic="ocpp.events"} 6');
    answer = '10';
    await monitor.poll();
    expect(await metrics.registry.metrics()).toContain('csms_kafka_consumer_lag{group="pki.station-events",topic="ocpp.events"} 0');
    await monitor.stop();
  });
});
