import { violation, type Manifest, type Violation } from './manifest';
import { containersOf, sameNamespace, selects, workloadsOf, type LabelSelector, type Workload } from './workloads';

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
}

interface BackendRef {
  service?: { name: string; port?: { name?: string; number?: number } };
}

/**
 * References between objects resolve: Services select pods and name ports those pods have;
 * Ingresses, ServiceMonitors and autoscalers point at objects that exist; probes name real ports.
 * A typo in any of these renders and validates, then fails silently in the cluster.
 */
export function wiringViolations(manifests: Manifest[]): Violation[] {
  const workloads = workloadsOf(manifests);
  const services = manifests.filter((manifest) => manifest.kind === 'Service');
  return [
    ...services.flatMap((service) => serviceWiring(service, workloads)),
    ...manifests.filter((manifest) => manifest.kind === 'Ingress').flatMap((ingress) => ingressWiring(ingress, services)),
    ...manifests.filter((manifest) => manifest.kind === 'ServiceMonitor').flatMap((monitor) => monitorWiring(monitor, services)),
    ...manifests.filter((manifest) => manifest.kind === 'HorizontalPodAutoscaler').flatMap((autoscaler) => autoscalerWiring(autoscaler, manifests)),
    ...workloads.flatMap(probePorts),
  ];
}

function portNames(workload: Workload): Set<string> {
  return new Set(containersOf(workload.pod).flatMap((container) => ((container as { ports?: { name?: string }[] }).ports ?? []).map((port) => port.name ?? '')));
}

function serviceWiring(service: Manifest, workloads: Workload[]): Violation[] {
  const spec = service.spec as { selector?: Record<string, string>; ports?: ServicePort[] };
  if (spec.selector === undefined) return [];
  const selected = workloads.filter((workload) => sameNamespace(workload.manifest, service) && selects({ matchLabels: spec.selector }, workload.podLabels));
  if (selected.length === 0) return [violation('wiring', service, 'its selector matches no workload')];
  return (spec.ports ?? [])
    .filter((port) => typeof port.targetPort === 'string' && !selected.every((workload) => portNames(workload).has(port.targetPort as string)))
    .map((port) => violation('wiring', service, `targetPort ${port.targetPort} is not a container port name of the pods it selects`));
}

function ingressWiring(ingress: Manifest, services: Manifest[]): Violation[] {
  const rules = (ingress.spec as { rules?: { http?: { paths?: { backend: BackendRef }[] } }[] }).rules ?? [];
  return rules.flatMap((rule) =>
    (rule.http?.paths ?? []).flatMap(({ backend }) => {
      const target = services.find((service) => service.metadata.name === backend.service?.name && sameNamespace(service, ingress));
      if (target === undefined) return [violation('wiring', ingress, `backend Service ${backend.service?.name} does not exist`)];
      const ports = (target.spec as { ports?: ServicePort[] }).ports ?? [];
      const wanted = backend.service?.port;
      const found = ports.some((port) => (wanted?.name !== undefined ? port.name === wanted.name : port.port === wanted?.number));
      return found ? [] : [violation('wiring', ingress, `Service ${target.metadata.name} has no port ${wanted?.name ?? wanted?.number}`)];
    }),
  );
}

function monitorWiring(monitor: Manifest, services: Manifest[]): Violation[] {
  const spec = monitor.spec as { selector?: LabelSelector; endpoints?: { port?: string }[] };
  const selected = services.filter((service) => sameNamespace(service, monitor) && selects(spec.selector, service.metadata.labels ?? {}));
  if (selected.length === 0) return [violation('wiring', monitor, 'its selector matches no Service')];
  return (spec.endpoints ?? [])
    .filter((endpoint) => endpoint.port !== undefined && !selected.every((service) => ((service.spec as { ports?: ServicePort[] }).ports ?? []).some((port) => port.name === endpoint.port)))
    .map((endpoint) => violation('wiring', monitor, `endpoint port ${endpoint.port} is not a port of every Service it selects`));
}

function autoscalerWiring(autoscaler: Manifest, manifests: Manifest[]): Violation[] {
  const target = (autoscaler.spec as { scaleTargetRef?: { kind: string; name: string } }).scaleTargetRef;
  const scaled = manifests.find((manifest) => manifest.kind === target?.kind && manifest.metadata.name === target?.name && sameNamespace(manifest, autoscaler));
  if (scaled === undefined) return [violation('wiring', autoscaler, `scale target ${target?.kind}/${target?.name} does not exist`)];
  // An apply would reset the count the autoscaler chose.
  if ((scaled.spec as { replicas?: number }).replicas !== undefined) return [violation('wiring', scaled, 'sets replicas although a HorizontalPodAutoscaler owns them')];
  return [];
}

function probePorts(workload: Workload): Violation[] {
  const names = portNames(workload);
  return containersOf(workload.pod).flatMap((container) =>
    (['livenessProbe', 'readinessProbe', 'startupProbe'] as const).flatMap((probe) => {
      const port = (container[probe] as { httpGet?: { port?: number | string } } | undefined)?.httpGet?.port;
      return typeof port === 'string' && !names.has(port) ? [violation('wiring', workload.manifest, `container ${container.name}: ${probe} names port ${port}, which no container declares`)] : [];
    }),
  );
}
