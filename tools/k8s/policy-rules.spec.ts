import type { Manifest } from './manifest';
import { policyViolations } from './policy-rules';
import { selects } from './workloads';

const DIGEST = `sha256:${'a'.repeat(64)}`;

function deployment(image: string): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'app' },
    spec: { template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'app', image }] } } },
  };
}

function imageFindings(image: string): string[] {
  return policyViolations([deployment(image)]).filter((found) => found.rule === 'pinned-image').map((found) => found.message);
}

describe('pinned-image', () => {
  it.each(['ghcr.io/csms-project/csms:0.1.0', `ghcr.io/csms-project/csms@${DIGEST}`, `localhost:5000/csms:1.2.3@${DIGEST}`])('accepts %s', (image) => {
    expect(imageFindings(image)).toEqual([]);
  });

  it.each([
    ['localhost:5000/csms', 'no tag or digest'],
    ['csms', 'no tag or digest'],
    ['ghcr.io/csms-project/csms:latest', 'moving tag latest'],
  ])('refuses %s', (image, reason) => {
    expect(imageFindings(image)).toEqual([expect.stringContaining(reason)]);
  });
});

describe('label selectors', () => {
  const labels = { app: 'csms', tier: 'gateway' };

  it('select by labels and by expressions, as Kubernetes does', () => {
    expect(selects({ matchLabels: { app: 'csms' } }, labels)).toBe(true);
    expect(selects({ matchLabels: { app: 'other' } }, labels)).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['gateway'] }] }, labels)).toBe(true);
    expect(selects({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['gateway'] }] }, labels)).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, labels)).toBe(true);
    expect(selects({}, labels)).toBe(true);
    expect(selects(undefined, labels)).toBe(false);
  });
});
