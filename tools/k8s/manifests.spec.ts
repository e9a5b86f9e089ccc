import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLaunchCommand } from '@app/launcher';
import { kubectlMissing, renderKustomization } from './kustomize-render';
import type { Manifest, Violation } from './manifest';
import { validateManifests } from './manifest-validation';
import { containersOf, workloadsOf } from './workloads';

const K8S = join(__dirname, '..', '..', 'k8s');
const missing = kubectlMissing();
if (missing !== undefined) console.warn(`k8s manifests NOT validated: ${missing}; install kubectl (kustomize v5 built in) to run these checks`);
const withKubectl = missing === undefined ? describe : describe.skip;

const rendered = new Map<string, Manifest[]>();

/** Each kustomization rendered once per run (kubectl takes a second or two on a busy machine); callers only read. */
function render(path: string): Manifest[] {
  const cached = rendered.get(path);
  if (cached !== undefined) return cached;
  const result = renderKustomization(join(K8S, path));
  if (!result.rendered) throw new Error(result.reason);
  rendered.set(path, result.manifests);
  return result.manifests;
}

function configMap(manifests: Manifest[], name: string): Record<string, string> {
  const found = manifests.find((manifest) => manifest.kind === 'ConfigMap' && manifest.metadata.name === name);
  return (found?.data ?? {}) as Record<string, string>;
}

withKubectl('k8s overlays, rendered with kubectl kustomize', () => {
  it.each(['overlays/dev', 'overlays/production', 'overlays/external-kafka'])('%s passes the schemas, the policy, the config schema and the topic catalogue', (overlay) => {
    const manifests = render(overlay);
    const workloads = manifests.filter((manifest) => ['StatefulSet', 'Deployment'].includes(manifest.kind)).map((manifest) => `${manifest.kind}/${manifest.metadata.name}`);
    expect(workloads.sort()).toEqual(['Deployment/csms-pki', 'Deployment/csms-smart-charging', 'StatefulSet/csms-connection']);
    expect(validateManifests(manifests)).toEqual([]);
  });

  it('production runs three gateways and Kafka with replication factor 3 and min.insync.replicas 2', () => {
    const manifests = render('overlays/production');
    const gateway = manifests.find((manifest) => manifest.kind === 'StatefulSet' && manifest.metadata.name === 'csms-connection');
    expect((gateway?.spec as { replicas: number }).replicas).toBe(3);
    expect(configMap(manifests, 'csms-common')).toMatchObject({ KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '2', KAFKA_CREATE_TOPICS: 'false' });
    const topics = manifests.filter((manifest) => manifest.kind === 'KafkaTopic').map((topic) => topic.spec as { replicas: number; config: Record<string, string> });
    expect(topics).toHaveLength(6);
    expect(topics.every((topic) => topic.replicas === 3 && topic.config['min.insync.replicas'] === '2')).toBe(true);
    const pool = manifests.find((manifest) => manifest.kind === 'KafkaNodePool')?.spec as { replicas: number; storage: { type: string } };
    expect(pool).toMatchObject({ replicas: 3, storage: { type: 'persistent-claim' } });
  });

  it('external-kafka drops every Strimzi resource and lets the services reach the brokers instead', () => {
    const manifests = render('overlays/external-kafka');
    expect(manifests.filter((manifest) => manifest.apiVersion.startsWith('kafka.strimzi.io/'))).toEqual([]);
    expect(JSON.stringify(manifests)).not.toContain('strimzi.io/cluster');
    expect(configMap(manifests, 'csms-common').KAFKA_BROKERS).toMatch(/^[^,]+:9093(,[^,]+:9093)*$/);
  });

  it('leaves the replica index to the StatefulSet ordinal in every overlay', () => {
    for (const overlay of ['overlays/dev', 'overlays/production', 'overlays/external-kafka']) {
      const text = JSON.stringify(render(overlay));
      expect(text).not.toContain('CONNECTION_REPLICA_INDEX');
    }
  });

  it('reports every mistake of the deliberately broken fixture', () => {
    const violations = validateManifests(render('fixtures/broken'));
    const reported = (rule: string, resource: string, message: string) =>
      expect(violations).toContainEqual<Violation>({ rule, resource, message: expect.stringContaining(message) as unknown as string });
    reported('schema', 'Deployment/broken-pki', '/spec/replicas must be integer');
    reported('schema', 'KafkaTopic/ocpp.events', '/spec/partitions must be integer');
    reported('pinned-image', 'Deployment/broken-pki', 'uses the moving tag latest');
    reported('pinned-image', 'Deployment/broken-pki', '"busybox" has no tag or digest');
    reported('resources', 'Deployment/broken-pki', 'container pki: no limits for cpu and memory');
    reported('probes', 'Deployment/broken-pki', 'container pki: no startupProbe');
    reported('run-as-non-root', 'Deployment/broken-pki', 'container pki: runAsNonRoot is not true');
    reported('run-as-non-root', 'Deployment/broken-pki', 'container pki: runAsUser is not a numeric non-root UID');
    reported('read-only-root-filesystem', 'Deployment/broken-pki', 'container pki');
    reported('no-privilege-escalation', 'Deployment/broken-pki', 'container pki');
    reported('drop-capabilities', 'Deployment/broken-pki', 'container pki');
    reported('seccomp', 'Deployment/broken-pki', 'container pki');
    reported('no-literal-secrets', 'Secret/csms-database', 'a Secret with data');
    reported('no-literal-secrets', 'Deployment/broken-pki', 'INTERNAL_API_TOKEN is set literally');
    reported('no-literal-secrets', 'Deployment/broken-pki', 'DATABASE_URL is set literally');
    reported('disruption-budget', 'Deployment/broken-pki', 'no PodDisruptionBudget');
    reported('network-policy', 'Deployment/broken-pki', 'no NetworkPolicy of its own');
    reported('environment', 'Deployment/broken-pki', 'KAFKA_BROKER is not a variable of libs/config/src/env-schema.ts');
    reported('environment', 'Deployment/broken-pki', 'would refuse to start: invalid configuration: LOG_LEVEL');
    reported('shutdown-budget', 'Deployment/broken-pki', 'SHUTDOWN_TIMEOUT_MS 60000 is not below terminationGracePeriodSeconds (30 s)');
    reported('shutdown-budget', 'Deployment/broken-pki', 'OCPP_DRAIN_SECONDS 90 plus 8 s does not fit in SHUTDOWN_TIMEOUT_MS 60000');
    reported('wiring', 'Service/broken-pki', 'targetPort htp is not a container port name');
    reported('wiring', 'Ingress/broken-pki', 'backend Service csms-pki does not exist');
    reported('wiring', 'Deployment/broken-pki', 'sets replicas although a HorizontalPodAutoscaler owns them');
    reported('kafka-topics', 'KafkaTopic/ocpp.events', 'partitions many but the catalogue says 6');
    reported('kafka-topics', 'KafkaTopic/ocpp.commands', 'has no KafkaTopic');
    reported('kafka-topics', 'KafkaTopic/ocpp.typo', 'is not in libs/messaging/src/topics.ts');
  });
});

withKubectl('the manifests and the image', () => {
  /** The numeric user of the Dockerfile's last USER instruction (the runtime stage's). */
  function imageUser(): { uid: number; gid: number } {
    const users = [...readFileSync(join(__dirname, '..', '..', 'Dockerfile'), 'utf8').matchAll(/^USER\s+(\d+):(\d+)\s*$/gm)];
    const last = users.at(-1);
    if (last === undefined) throw new Error('the Dockerfile names no numeric USER');
    return { uid: Number(last[1]), gid: Number(last[2]) };
  }

  it.each(['overlays/dev', 'overlays/production', 'overlays/external-kafka'])('%s runs every container as the image’s user, with a command the launcher takes', (overlay) => {
    const { uid, gid } = imageUser();
    for (const { manifest, pod } of workloadsOf(render(overlay))) {
      const podContext = (pod as { securityContext?: { runAsUser?: number; runAsGroup?: number } }).securityContext;
      expect({ workload: manifest.metadata.name, runAsUser: podContext?.runAsUser, runAsGroup: podContext?.runAsGroup }).toEqual({ workload: manifest.metadata.name, runAsUser: uid, runAsGroup: gid });
      for (const container of containersOf(pod)) {
        const context = (container as { securityContext?: { runAsUser?: number } }).securityContext;
        expect({ container: container.name, runAsUser: context?.runAsUser ?? uid }).toEqual({ container: container.name, runAsUser: uid });
        const args = (container as { args?: string[] }).args ?? [];
        expect(() => parseLaunchCommand(args)).not.toThrow();
      }
    }
  });
});
