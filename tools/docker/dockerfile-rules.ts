import { type Instruction, type Stage, imageReference, parseDockerfile } from './dockerfile-parser';

// hadolint-style rules for the image (ids as hadolint's where one exists), plus this project's
// policy (ADR 046). No Docker engine runs here, so these rules are what keeps the Dockerfile honest.

export interface Finding {
  rule: string;
  line: number;
  message: string;
}

/** End of life of each Node.js LTS line (nodejs.org release schedule). */
export const NODE_LTS_END_OF_LIFE: Readonly<Record<number, string>> = { 20: '2026-04-30', 22: '2027-04-30', 24: '2028-04-30', 26: '2029-04-30' };

const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|PRIVATE_?KEY|API_?KEY|CREDENTIALS?|_PIN)$/i;
const REQUIRED_LABELS = ['org.opencontainers.image.title', 'org.opencontainers.image.source', 'org.opencontainers.image.licenses', 'org.opencontainers.image.version'];

export function checkDockerfile(text: string, today: Date): Finding[] {
  const { preamble, stages } = parseDockerfile(text);
  const final = stages.at(-1);
  if (final === undefined) return [{ rule: 'no-stage', line: 1, message: 'no FROM instruction' }];
  const stageNames = new Set(stages.map((stage) => stage.name).filter((name): name is string => name !== undefined));
  const findings: Finding[] = [];
  for (const stage of stages) {
    if (!stageNames.has(stage.base)) findings.push(...baseImageFindings(stage, today));
    for (const instruction of stage.instructions) findings.push(...instructionFindings(instruction));
  }
  for (const instruction of preamble) findings.push(...instructionFindings(instruction));
  findings.push(...finalStageFindings(final));
  return findings.sort((a, b) => a.line - b.line);
}

function baseImageFindings(stage: Stage, today: Date): Finding[] {
  const { repository, tag, digest } = imageReference(stage.base);
  const at = (rule: string, message: string): Finding => ({ rule, line: stage.line, message: `${stage.base}: ${message}` });
  const findings: Finding[] = [];
  if (tag === undefined) findings.push(at('DL3006', 'tag the image explicitly'));
  if (tag === 'latest') findings.push(at('DL3007', 'latest is not a version: pin a release tag'));
  if (digest === undefined || !/^sha256:[0-9a-f]{64}$/.test(digest)) findings.push(at('pinned-digest', 'pin the digest too (@sha256:<64 hex>): a tag can be moved'));
  if (/(^|\/)node$/.test(repository)) findings.push(...nodeLtsFindings(stage, tag, today));
  return findings;
}

/** The official node image: an exact release (x.y.z) of an LTS line that is still supported. */
function nodeLtsFindings(stage: Stage, tag: string | undefined, today: Date): Finding[] {
  const version = /^(\d+)\.(\d+)\.(\d+)(-|$)/.exec(tag ?? '');
  if (!version) return [{ rule: 'node-exact-version', line: stage.line, message: `${stage.base}: name an exact Node.js release (e.g. 24.21.0-bookworm)` }];
  const major = Number(version[1]);
  const endOfLife = NODE_LTS_END_OF_LIFE[major];
  if (endOfLife === undefined) return [{ rule: 'node-lts', line: stage.line, message: `Node.js ${major} is not an LTS line (${Object.keys(NODE_LTS_END_OF_LIFE).join(', ')})` }];
  if (today.toISOString().slice(0, 10) > endOfLife) return [{ rule: 'node-lts', line: stage.line, message: `Node.js ${major} reached its end of life on ${endOfLife}` }];
  return [];
}

function instructionFindings(instruction: Instruction): Finding[] {
  const at = (rule: string, message: string): Finding => ({ rule, line: instruction.line, message });
  const { keyword, args } = instruction;
  switch (keyword) {
    case 'CMD':
    case 'ENTRYPOINT':
      return instruction.execForm ? [] : [at('DL3025', `${keyword} in JSON form, so signals reach the process and no shell is needed`)];
    case 'ADD':
      return /^(https?:|git@|git:)/.test(args) || /\s(https?:|git@)/.test(` ${args}`) ? [at('no-remote-add', 'ADD of a URL fetches unverified content: download in a stage with a checksum')] : [at('DL3020', 'use COPY for files and folders')];
    case 'WORKDIR':
      return args.startsWith('/') ? [] : [at('DL3000', `WORKDIR ${args}: use an absolute path`)];
    case 'ENV':
    case 'ARG':
      return variableNames(keyword, args)
        .filter((name) => SECRET_NAME.test(name))
        .map((name) => at('no-secret-variable', `${keyword} ${name}: secrets are never baked into an image or its history; pass them at run time`));
    case 'RUN':
      return runFindings(instruction);
    default:
      return [];
  }
}

function variableNames(keyword: string, args: string): string[] {
  if (keyword === 'ARG') return [args.split('=')[0]?.trim() ?? ''];
  // ENV KEY=value KEY2="a b"  or the legacy ENV KEY value
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) return [args.split(/\s+/)[0] ?? ''];
  return [...args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)].map((match) => match[1] ?? '');
}

function runFindings(instruction: Instruction): Finding[] {
  const at = (rule: string, message: string): Finding => ({ rule, line: instruction.line, message });
  const findings: Finding[] = [];
  const command = instruction.execForm ? (JSON.parse(instruction.args) as string[]).join(' ') : instruction.args;
  if (/\bnpm\s+(install|i|add)\b/.test(command)) findings.push(at('npm-ci', 'npm ci installs exactly package-lock.json; npm install may change it'));
  for (const install of command.matchAll(/apt-get\s+install\s+([^&|;]*)/g)) {
    const words = (install[1] ?? '').split(/\s+/).filter(Boolean);
    if (!words.includes('--no-install-recommends')) findings.push(at('DL3015', 'apt-get install --no-install-recommends'));
    const unpinned = words.filter((word) => !word.startsWith('-') && !word.includes('='));
    if (unpinned.length > 0) findings.push(at('DL3008', `pin apt package versions (${unpinned.join(', ')}=<version>)`));
  }
  return findings;
}

function finalStageFindings(final: Stage): Finding[] {
  const findings: Finding[] = [];
  const at = (rule: string, line: number, message: string) => findings.push({ rule, line, message });
  const of = (keyword: string) => final.instructions.filter((instruction) => instruction.keyword === keyword);
  const lastUser = of('USER').at(-1);
  if (lastUser === undefined) at('DL3002', final.line, 'the runtime stage sets no USER: name a non-root numeric user');
  else if (/^(root|0)(:|$)/.test(lastUser.args)) at('DL3002', lastUser.line, `last USER is root (${lastUser.args})`);
  else if (!/^\d+(:\d+)?$/.test(lastUser.args)) at('numeric-user', lastUser.line, `USER ${lastUser.args}: use a numeric uid[:gid], so runAsNonRoot can be verified`);
  for (const copy of [...of('COPY'), ...of('ADD')]) {
    if (copy.flags.chown === undefined) at('copy-chown', copy.line, `${copy.keyword} in the runtime stage without --chown: state who owns the files`);
  }
  for (const run of of('RUN')) if (!run.execForm) at('no-shell-run', run.line, 'the runtime image has no shell: RUN in JSON form');
  const healthcheck = of('HEALTHCHECK').at(-1);
  if (healthcheck === undefined) at('healthcheck', final.line, 'declare HEALTHCHECK (NONE where the orchestrator probes, ADR 046)');
  else if (healthcheck.args !== 'NONE' && !/^CMD\s+\[/.test(healthcheck.args)) at('healthcheck', healthcheck.line, 'HEALTHCHECK CMD in JSON form (no shell in the image)');
  if (of('ENTRYPOINT').length === 0) at('entrypoint', final.line, 'the runtime stage needs an ENTRYPOINT (the launcher)');
  if (of('EXPOSE').length === 0) at('expose', final.line, 'EXPOSE the ports the apps listen on');
  const labels = of('LABEL').map((label) => label.args).join(' ');
  const missing = REQUIRED_LABELS.filter((label) => !labels.includes(`${label}=`));
  if (missing.length > 0) at('oci-labels', final.line, `missing OCI labels: ${missing.join(', ')}`);
  return findings;
}

/** Paths the build context must never carry (installed, built, local state, secrets). */
export const MUST_BE_IGNORED = ['node_modules', 'apps/connection/node_modules', '.git', '.cache', '.data', 'dist', 'coverage', 'certs/server.pem', 'keys/ca.key', '.env', 'secrets/pin'];

/** Docker's .dockerignore semantics, enough for the check: globs from the context root, `!` re-includes, the last match wins. */
export function isIgnored(patterns: string[], file: string): boolean {
  let ignored = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = (negated ? raw.slice(1) : raw).replace(/^\/+|\/+$/g, '');
    const regex = new RegExp(
      `^${pattern
        .split('**')
        .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))
        .join('.*')
        .replace(/\.\*\//g, '(?:.*/)?')}(?:/.*)?$`,
    );
    if (regex.test(file)) ignored = !negated;
  }
  return ignored;
}

export function checkDockerignore(text: string): Finding[] {
  const patterns = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return MUST_BE_IGNORED.filter((file) => !isIgnored(patterns, file)).map((file) => ({ rule: 'dockerignore', line: 0, message: `${file} is not excluded from the build context` }));
}
