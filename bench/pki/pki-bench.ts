/**
 * npm run bench:pki — what the PKI's hot paths cost on one core. Phases (`--phase`):
 * - `sign` (default): CSR checks + signings per second (decideCsr, then issueStationCertificate
 *   with a FileCaSigner sub-CA) for EC P-256 and RSA 2048 CSRs under EC P-256 and RSA 2048 CAs,
 *   each for `--seconds`. Aim: ≥ 1,000/s for P-256.
 * - `revocation`: OCSP answers per second (parse, match, sign a fresh response with the CA) and
 *   the time to sign a CRL of `--crl-entries` revoked certificates.
 * - `all`: both.
 * Prints the figures as JSON and writes them to .cache/bench/.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@test/support/repo-root';
import { runRevocationPhase } from './ocsp-phase';
import { runSigningPhase } from './signing-phase';

const { values: options } = parseArgs({
  options: {
    phase: { type: 'string', default: 'sign' },
    seconds: { type: 'string', default: '5' },
    'crl-entries': { type: 'string', default: '10000' },
  },
});

const seconds = Number(options.seconds);
const phases: Record<string, () => Promise<object>> = {
  sign: async () => ({ signing: await runSigningPhase(seconds) }),
  revocation: async () => runRevocationPhase(seconds, Number(options['crl-entries'])),
  all: async () => ({ signing: await runSigningPhase(seconds), ...(await runRevocationPhase(seconds, Number(options['crl-entries']))) }),
};

async function main(): Promise<void> {
  const phase = String(options.phase);
  const run = phases[phase];
  if (!run) throw new Error(`unknown --phase ${phase}; phases: ${Object.keys(phases).join(', ')}`);
  process.stderr.write(`[bench:pki] phase ${phase}\n`);
  // Other work on a shared machine stretches the wall-clock figures: the load says how busy it was.
  const loadBefore = loadavg()[0];
  const results = await run();
  const load = { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadavg()[0] * 100) / 100 };
  // A figure from a tree with uncommitted changes must not pass for the commit's.
  const dirty = execSync('git status --porcelain --untracked-files=no').toString().trim() !== '';
  const commit = `${execSync('git rev-parse --short HEAD').toString().trim()}${dirty ? '-dirty' : ''}`;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${execSync('openssl version').toString().trim()}`;
  const report = { date: new Date().toISOString(), commit, machine, loadAverage1m: load, options, results };
  const dir = path.join(repoRoot(), '.cache/bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `pki-${phase}-${commit}-${Date.now()}.json`), JSON.stringify(report, null, 2));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:pki failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
