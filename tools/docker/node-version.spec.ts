import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imageReference, parseDockerfile } from './dockerfile-parser';

// The runtime we ship is the runtime we test: the Node release in the image is the one CI installs.

const repoRoot = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

function imageNodeVersion(): { version: string; stage: string } {
  const nodeStages = parseDockerfile(read('Dockerfile')).stages.filter((stage) => /(^|\/)node$/.test(imageReference(stage.base).repository));
  expect(nodeStages).toHaveLength(1);
  const [stage] = nodeStages;
  const version = /^(\d+\.\d+\.\d+)-/.exec(imageReference(stage?.base ?? '').tag ?? '')?.[1];
  if (version === undefined || stage?.name === undefined) throw new Error('the Dockerfile has no named node:<x.y.z>-… stage');
  return { version, stage: stage.name };
}

describe('the Node.js release the image ships and CI tests', () => {
  it('is the same in the Dockerfile and in tools/node-lts/install-node-lts.sh', () => {
    const ci = /^NODE_LTS_VERSION=(\d+\.\d+\.\d+)$/m.exec(read('tools/node-lts/install-node-lts.sh'))?.[1];
    expect(ci).toBe(imageNodeVersion().version);
  });

  it('is the node binary the runtime stage runs (copied from that stage, not another image)', () => {
    const { stage } = imageNodeVersion();
    const runtime = parseDockerfile(read('Dockerfile')).stages.at(-1);
    const nodeCopy = runtime?.instructions.find((instruction) => instruction.keyword === 'COPY' && instruction.args.startsWith('/usr/local/bin/node '));
    expect(nodeCopy?.flags.from).toBe(stage);
    expect(runtime?.instructions.find((instruction) => instruction.keyword === 'ENTRYPOINT')?.args).toMatch(/^\["\/usr\/local\/bin\/node"/);
  });

  it('is what .ci/run puts first on PATH for the whole suite', () => {
    const ci = read('.ci/run');
    const install = ci.indexOf('lts_bin=$(bash tools/node-lts/install-node-lts.sh)');
    expect(install).toBeGreaterThan(-1);
    expect(ci).toContain('export PATH="$lts_bin:$machine_path"');
    expect(ci.search(/^npm ci /m)).toBeGreaterThan(install);
    expect(ci.search(/^npm test /m)).toBeGreaterThan(install);
  });
});
