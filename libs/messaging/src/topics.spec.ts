import { Topics, topicCatalog } from './topics';

describe('topicCatalog', () => {
  const settings = { partitions: 6, commandPartitions: 16, replicationFactor: 3, retentionMs: 86_400_000 };

  it('gives ocpp.commands one partition per connection replica slot', () => {
    const catalog = topicCatalog(settings);
    expect(catalog.find((t) => t.name === Topics.commands)?.partitions).toBe(16);
    expect(catalog.find((t) => t.name === Topics.events)?.partitions).toBe(6);
  });

  it('compacts presence and keeps time-based retention elsewhere', () => {
    const byName = new Map(topicCatalog(settings).map((t) => [t.name, t]));
    expect(byName.get(Topics.presence)?.config['cleanup.policy']).toBe('compact');
    expect(byName.get(Topics.presence)?.config['retention.ms']).toBeUndefined();
    expect(byName.get(Topics.events)?.config).toMatchObject({ 'cleanup.policy': 'delete', 'retention.ms': '86400000' });
  });

  it('requires two in-sync replicas where there are enough replicas, one on a single broker', () => {
    expect(topicCatalog(settings)[0]?.config['min.insync.replicas']).toBe('2');
    expect(topicCatalog({ ...settings, replicationFactor: 1 })[0]?.config['min.insync.replicas']).toBe('1');
  });

  it('requires the configured in-sync replicas on every topic, the dead-letter and parked ones included', () => {
    // Regression: those two replaced their whole config and lost min.insync.replicas.
    for (const spec of topicCatalog({ ...settings, minInsyncReplicas: 3 })) expect([spec.name, spec.config['min.insync.replicas']]).toEqual([spec.name, '3']);
    for (const spec of topicCatalog(settings)) expect([spec.name, spec.config['min.insync.replicas']]).toEqual([spec.name, '2']);
  });

  it('covers every topic name exactly once', () => {
    expect(topicCatalog(settings).map((t) => t.name).sort()).toEqual(Object.values(Topics).sort());
  });
});
