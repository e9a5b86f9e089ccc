import { ConfigError, envSchema, loadConfig, type ServiceName } from '@app/config';
import { violation, type Manifest, type Violation } from './manifest';
import { containersOf, sameNamespace, workloadsOf, type Container } from './workloads';

const SERVICES: Record<string, { service: ServiceName; defaultHttpPort: number }> = {
  connection: { service: 'connection', defaultHttpPort: 3000 },
  'smart-charging': { service: 'smart-charging', defaultHttpPort: 3001 },
  pki: { service: 'pki', defaultHttpPort: 3002 },
};

/** Stand-ins for values that only exist in the cluster's Secrets, long enough for the schema's minimums. */
const SECRET_STAND_INS: Record<string, string> = {
  DATABASE_URL: 'postgres://csms@postgres.invalid:5432/csms',
};

export function knownVariables(): Set<string> {
  return new Set(Object.keys(envSchema.shape));
}

/**
 * Every variable a container of ours gets (env and envFrom ConfigMaps) is one the config schema
 * knows, and the values, with stand-ins for secret references, pass the service's start-up validation.
 */
export function environmentViolations(manifests: Manifest[], known = knownVariables()): Violation[] {
  return workloadsOf(manifests).flatMap(({ manifest, pod }) =>
    containersOf(pod).flatMap((container) => {
      const service = SERVICES[container.args?.[0] ?? ''];
      if (service === undefined) return [violation('environment', manifest, `container ${container.name}: args[0] names no service (connection, smart-charging, pki)`)];
      const { environment, problems } = environmentOf(container, manifest, manifests);
      const unknown = Object.keys(environment).filter((name) => !known.has(name));
      const found = [...problems, ...unknown.map((name) => `${name} is not a variable of libs/config/src/env-schema.ts`)];
      try {
        loadConfig({ services: [service.service], defaultHttpPort: service.defaultHttpPort, embedded: false }, environment);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        found.push(`the service would refuse to start: ${error.message}`);
      }
      return found.map((message) => violation('environment', manifest, `container ${container.name}: ${message}`));
    }),
  );
}

function environmentOf(container: Container, owner: Manifest, manifests: Manifest[]): { environment: Record<string, string>; problems: string[] } {
  const environment: Record<string, string> = {};
  const problems: string[] = [];
  for (const source of container.envFrom ?? []) {
    if (source.secretRef !== undefined) {
      problems.push(`envFrom secretRef ${source.secretRef.name} hides which variables it sets; use secretKeyRef per variable`);
      continue;
    }
    const name = source.configMapRef?.name;
    const configMap = manifests.find((manifest) => manifest.kind === 'ConfigMap' && manifest.metadata.name === name && sameNamespace(manifest, owner));
    if (configMap === undefined) problems.push(`envFrom ConfigMap ${name} is not in the manifests`);
    else Object.assign(environment, configMap.data as Record<string, string> | undefined);
  }
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) environment[variable.name] = variable.value;
    else if (variable.valueFrom?.secretKeyRef !== undefined) environment[variable.name] = SECRET_STAND_INS[variable.name] ?? 'stand-in-for-a-secret-of-32-characters';
    else problems.push(`${variable.name} comes from neither a value nor a secretKeyRef`);
  }
  return { environment, problems };
}
