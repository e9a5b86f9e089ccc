import { violation, type Manifest, type Violation } from './manifest';
import { containersOf, isEmptySelector, sameNamespace, selects, workloadsOf, type Container, type LabelSelector, type Workload } from './workloads';

/** Names that hold a secret when set literally; *_FILE variables name a mounted file instead. */
const SECRET_NAME = /(PASSWORD|PASSPHRASE|SECRET|TOKEN|_PIN|PRIVATE_KEY)$/;
const CREDENTIALS_IN_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s:]+:[^/@\s]+@/i;

/** The policy every rendered overlay must meet; each rule reports on its own. */
export function policyViolations(manifests: Manifest[]): Violation[] {
  const workloads = workloadsOf(manifests);
  return [
    ...workloads.flatMap((workload) => containersOf(workload.pod).flatMap((container) => containerViolations(workload, container))),
    ...literalSecrets(manifests, workloads),
    ...workloads.flatMap((workload) => coverage(workload, manifests)),
  ];
}

function containerViolations(workload: Workload, container: Container): Violation[] {
  const found: Violation[] = [];
  const report = (rule: string, message: string) => found.push(violation(rule, workload.manifest, `container ${container.name}: ${message}`));
  const image = container.image ?? '';
  const tag = /^(?:[^/]+\/)*[^/:@]+(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?$/.exec(image);
  if (tag === null || (tag[1] === undefined && tag[2] === undefined)) report('pinned-image', `image "${image}" has no tag or digest`);
  else if (tag[1] === 'latest') report('pinned-image', `image "${image}" uses the moving tag latest`);
  for (const kind of ['requests', 'limits'] as const) {
    const missing = ['cpu', 'memory'].filter((resource) => container.resources?.[kind]?.[resource] === undefined);
    if (missing.length > 0) report('resources', `no ${kind} for ${missing.join(' and ')}`);
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    if (container[probe] === undefined) report('probes', `no ${probe}`);
  }
  const pod = workload.pod.securityContext ?? {};
  const own = container.securityContext ?? {};
  const runAsNonRoot = own.runAsNonRoot ?? pod.runAsNonRoot;
  const runAsUser = own.runAsUser ?? pod.runAsUser;
  if (runAsNonRoot !== true) report('run-as-non-root', 'runAsNonRoot is not true');
  if (runAsUser === undefined || runAsUser === 0) report('run-as-non-root', 'runAsUser is not a numeric non-root UID (images may not say)');
  if (own.readOnlyRootFilesystem !== true) report('read-only-root-filesystem', 'readOnlyRootFilesystem is not true');
  if (own.allowPrivilegeEscalation !== false) report('no-privilege-escalation', 'allowPrivilegeEscalation is not false');
  if (!(own.capabilities?.drop ?? []).includes('ALL')) report('drop-capabilities', 'capabilities.drop does not include ALL');
  if ((own.seccompProfile ?? pod.seccompProfile)?.type !== 'RuntimeDefault') report('seccomp', 'seccompProfile is not RuntimeDefault');
  return found;
}

/** Secrets come by reference (secretKeyRef, secret volumes, Strimzi-written Secrets), never as data in git. */
function literalSecrets(manifests: Manifest[], workloads: Workload[]): Violation[] {
  const inSecrets = manifests
    .filter((manifest) => manifest.kind === 'Secret' && (hasEntries(manifest.data) || hasEntries(manifest.stringData)))
    .map((manifest) => violation('no-literal-secrets', manifest, 'a Secret with data in the manifests: create it out of band and reference it'));
  const inConfigMaps = manifests
    .filter((manifest) => manifest.kind === 'ConfigMap')
    .flatMap((manifest) => Object.entries((manifest.data ?? {}) as Record<string, string>).filter(([key, value]) => looksSecret(key, value)).map(([key]) => violation('no-literal-secrets', manifest, `${key} holds a secret in a ConfigMap`)));
  const inEnv = workloads.flatMap(({ manifest, pod }) =>
    containersOf(pod).flatMap((container) =>
      (container.env ?? []).filter((env) => env.value !== undefined && looksSecret(env.name, env.value)).map((env) => violation('no-literal-secrets', manifest, `container ${container.name}: ${env.name} is set literally; use a secretKeyRef`)),
    ),
  );
  return [...inSecrets, ...inConfigMaps, ...inEnv];
}

function looksSecret(name: string, value: string): boolean {
  return (SECRET_NAME.test(name) && value !== '') || CREDENTIALS_IN_URL.test(value);
}

function hasEntries(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/** Every workload has a PodDisruptionBudget and a NetworkPolicy of its own (not only the namespace's default deny). */
function coverage(workload: Workload, manifests: Manifest[]): Violation[] {
  const selecting = (kind: string, allowEmpty: boolean) =>
    manifests.some((manifest) => {
      if (manifest.kind !== kind || !sameNamespace(manifest, workload.manifest)) return false;
      const selector = (manifest.spec as { selector?: LabelSelector; podSelector?: LabelSelector } | undefined)?.[kind === 'NetworkPolicy' ? 'podSelector' : 'selector'];
      return (allowEmpty || !isEmptySelector(selector)) && selects(selector, workload.podLabels);
    });
  const found: Violation[] = [];
  if (!selecting('PodDisruptionBudget', false)) found.push(violation('disruption-budget', workload.manifest, 'no PodDisruptionBudget selects its pods'));
  if (!selecting('NetworkPolicy', false)) found.push(violation('network-policy', workload.manifest, 'no NetworkPolicy of its own selects its pods'));
  return found;
}
