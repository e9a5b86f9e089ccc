import { SHUTDOWN_RESERVE_MS, envSchema } from '@app/config';
import { violation, type Manifest, type Violation } from './manifest';
import { containersOf, sameNamespace, workloadsOf, type Container } from './workloads';

/** The services' own default, so the check follows it. */
const DEFAULT_SHUTDOWN_TIMEOUT_MS: number = envSchema.shape.SHUTDOWN_TIMEOUT_MS.parse(undefined);

/**
 * A pod must exit on its own before the kubelet's SIGKILL: the drain budget (OCPP_DRAIN_SECONDS)
 * plus a reserve fits in SHUTDOWN_TIMEOUT_MS, which fits in terminationGracePeriodSeconds (default 30 s).
 */
export function shutdownBudgetViolations(manifests: Manifest[]): Violation[] {
  return workloadsOf(manifests).flatMap(({ manifest, pod }) => {
    const graceMs = (pod.terminationGracePeriodSeconds ?? 30) * 1000;
    return containersOf(pod).flatMap((container) => {
      const shutdownMs = Number(valueOf('SHUTDOWN_TIMEOUT_MS', container, manifest, manifests) ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
      const drain = valueOf('OCPP_DRAIN_SECONDS', container, manifest, manifests);
      const found: Violation[] = [];
      if (shutdownMs >= graceMs) found.push(violation('shutdown-budget', manifest, `container ${container.name}: SHUTDOWN_TIMEOUT_MS ${shutdownMs} is not below terminationGracePeriodSeconds (${graceMs / 1000} s)`));
      if (drain !== undefined && Number(drain) * 1000 + SHUTDOWN_RESERVE_MS > shutdownMs) {
        found.push(violation('shutdown-budget', manifest, `container ${container.name}: OCPP_DRAIN_SECONDS ${drain} plus ${SHUTDOWN_RESERVE_MS / 1000} s does not fit in SHUTDOWN_TIMEOUT_MS ${shutdownMs}`));
      }
      return found;
    });
  });
}

/** A variable as the container sees it: env wins over envFrom, later envFrom sources over earlier ones. */
function valueOf(name: string, container: Container, owner: Manifest, manifests: Manifest[]): string | undefined {
  const literal = container.env?.find((variable) => variable.name === name)?.value;
  if (literal !== undefined) return literal;
  let value: string | undefined;
  for (const source of container.envFrom ?? []) {
    const configMap = manifests.find((manifest) => manifest.kind === 'ConfigMap' && manifest.metadata.name === source.configMapRef?.name && sameNamespace(manifest, owner));
    value = (configMap?.data as Record<string, string> | undefined)?.[name] ?? value;
  }
  return value;
}
