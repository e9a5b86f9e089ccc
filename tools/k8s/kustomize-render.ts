import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import type { Manifest } from './manifest';

export type RenderResult = { rendered: true; manifests: Manifest[] } | { rendered: false; reason: string };

/** Whether `kubectl kustomize` can run here; CI and these machines have it, a laptop may not. */
export function kubectlMissing(): string | undefined {
  const probe = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return `kubectl is not installed or does not run (${probe.error?.message ?? probe.stderr.trim()})`;
  return undefined;
}

/** Renders a kustomization offline (`kubectl kustomize <dir>`) into plain objects. */
export function renderKustomization(directory: string): RenderResult {
  const missing = kubectlMissing();
  if (missing !== undefined) return { rendered: false, reason: missing };
  const run = spawnSync('kubectl', ['kustomize', directory], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`kubectl kustomize ${directory} failed: ${run.stderr.trim()}`);
  return { rendered: true, manifests: parseManifests(run.stdout) };
}

export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`unreadable YAML: ${document.errors[0]?.message}`);
      return document.toJS() as Manifest | null;
    })
    .filter((manifest): manifest is Manifest => manifest !== null);
}
