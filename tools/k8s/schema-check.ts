import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { violation, type Manifest, type Violation } from './manifest';

const VALIDATOR = join(__dirname, 'schema-validate.mjs');

/** Every object checked against the Kubernetes and CRD JSON schemas (see schema-validate.mjs for their source). */
export function schemaViolations(manifests: Manifest[]): Violation[] {
  const run = spawnSync(process.execPath, [VALIDATOR], { input: JSON.stringify(manifests), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`schema validation did not run: ${run.stderr.trim()}`);
  const results = JSON.parse(run.stdout) as { index: number; errors: string[] }[];
  return results.flatMap(({ index, errors }) => {
    const manifest = manifests[index];
    if (manifest === undefined) throw new Error(`schema validation answered for object ${index}, which was not sent`);
    return errors.map((message) => violation('schema', manifest, message));
  });
}
