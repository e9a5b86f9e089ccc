/** One rendered Kubernetes object, as kustomize wrote it. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** A rule a rendered object breaks: which rule, on which object, and how. */
export interface Violation {
  rule: string;
  resource: string;
  message: string;
}

export function resourceName(manifest: Manifest): string {
  return `${manifest.kind}/${manifest.metadata.namespace ? `${manifest.metadata.namespace}/` : ''}${manifest.metadata.name}`;
}

export function violation(rule: string, manifest: Manifest, message: string): Violation {
  return { rule, resource: resourceName(manifest), message };
}
