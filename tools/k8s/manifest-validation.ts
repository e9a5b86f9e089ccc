import { environmentViolations } from './environment-check';
import { kafkaTopicViolations } from './kafka-topics-check';
import type { Manifest, Violation } from './manifest';
import { policyViolations } from './policy-rules';
import { schemaViolations } from './schema-check';
import { shutdownBudgetViolations } from './shutdown-budget-check';
import { wiringViolations } from './wiring-check';

/** Everything a rendered overlay must pass before anyone applies it. */
export function validateManifests(manifests: Manifest[]): Violation[] {
  return [
    ...schemaViolations(manifests),
    ...policyViolations(manifests),
    ...environmentViolations(manifests),
    ...shutdownBudgetViolations(manifests),
    ...wiringViolations(manifests),
    ...kafkaTopicViolations(manifests),
  ];
}
