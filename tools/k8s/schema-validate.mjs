// Validates Kubernetes objects (a JSON array on stdin) against the JSON schemas bundled in npm
// packages, offline: kubernetes-models (the Kubernetes OpenAPI, 1.34 API or later), and the CRD
// schemas of @kubernetes-models/prometheus-operator and @kubernetes-models/strimzi-kafka-operator.
// Prints a JSON array of { index, errors } to stdout. Plain ES module: those packages ship ES
// modules only, which jest's CommonJS runtime cannot load (tools/k8s/schema-check.ts runs this).
const PACKAGES = {
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator/monitoring.coreos.com',
  'kafka.strimzi.io': '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io',
};

function modulePath(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  if (PACKAGES[group] !== undefined) return `${PACKAGES[group]}/${version}/${kind}`;
  return group === '' ? `kubernetes-models/${version}/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
}

async function validate(manifest) {
  if (typeof manifest?.apiVersion !== 'string' || typeof manifest?.kind !== 'string') return ['has no apiVersion or kind'];
  let model;
  try {
    model = (await import(modulePath(manifest.apiVersion, manifest.kind)))[manifest.kind];
  } catch {
    return [`no schema for ${manifest.apiVersion} ${manifest.kind} in the bundled packages`];
  }
  try {
    new model(manifest).validate();
    return [];
  } catch (error) {
    const details = Array.isArray(error?.errors) ? error.errors.map((e) => `${e.instancePath || '/'} ${e.message}`) : [String(error?.message ?? error)];
    return details;
  }
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const manifests = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const results = [];
for (const [index, manifest] of manifests.entries()) results.push({ index, errors: await validate(manifest) });
process.stdout.write(JSON.stringify(results));
