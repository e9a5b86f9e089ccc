/**
 * npm run bench:allocation — smart-charging allocation at scale. Phases (`--phase`):
 * - `engine` (default): `allocate` alone for a 4-level site of `--evses` EVSEs (site → 10 feeders
 *   → 10 cabinets → chargers → EVSEs), one session each; `--warmup` untimed runs, then `--runs`
 *   timed ones; min / median / p99 / max ms. Target: < 20 ms for 10,000 EVSEs.
 * - (to come) a limit change → every station holding its new profile, over real Kafka.
 * Prints the figures as JSON and writes them to .cache/bench/.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@test/support/repo-root';
import { runEnginePhase } from './engine-phase';

const { values: options } = parseArgs({
  options: {
    phase: { type: 'string', default: 'engine' },
    evses: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '30' },
    seed: { type: 'string', default: '9' },
  },
});

/** Each phase measures one thing and returns its figures; add a phase here. */
const phases: Record<string, () => Promise<object>> = {
  engine: async () => runEnginePhase({ evses: Number(options.evses), runs: Number(options.runs), warmup: Number(options.warmup), seed: Number(options.seed) }),
};

async function main(): Promise<void> {
  const phase = String(options.phase);
  const run = phases[phase];
  if (!run) throw new Error(`unknown --phase ${phase}; phases: ${Object.keys(phases).join(', ')}`);
  process.stderr.write(`[bench:allocation] phase ${phase}\n`);
  // Other work on a shared machine stretches the wall-clock figures: the load says how busy it was.
  const loadBefore = loadavg()[0];
  const results = await run();
  const load = { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadavg()[0] * 100) / 100 };
  // A figure from a tree with uncommitted changes must not pass for the commit's.
  const dirty = execSync('git status --porcelain --untracked-files=no').toString().trim() !== '';
  const commit = `${execSync('git rev-parse --short HEAD').toString().trim()}${dirty ? '-dirty' : ''}`;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const report = { date: new Date().toISOString(), commit, machine, loadAverage1m: load, options, results };
  const dir = path.join(repoRoot(), '.cache/bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `allocation-${phase}-${commit}-${Date.now()}.json`), JSON.stringify(report, null, 2));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:allocation failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
