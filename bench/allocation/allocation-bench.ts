/**
 * npm run bench:allocation — smart-charging allocation at scale. Phases (`--phase`):
 * - `engine` (default): `allocate` alone for a 4-level site of `--evses` EVSEs (site → 10 feeders
 *   → 10 cabinets → chargers → EVSEs), one session each; `--warmup` untimed runs, then `--runs`
 *   timed ones; min / median / p99 / max ms. Target: < 20 ms for 10,000 EVSEs.
 * - `dispatch`: a grid limit change → every affected station holding its new profile, over real
 *   Kafka and PostgreSQL with the connection and smart-charging services as their own processes
 *   (from dist/): a site of `--chargers` single-EVSE chargers on `--feeders` feeders built through
 *   the REST API, one simulated station per charger (1.6 and 2.0.1 alternately) charging, then
 *   `--rounds` replacements of the site's grid-operator limit, alternately lower and higher;
 *   per round min / median / p95 / max ms until each station holds its new limit, and the
 *   services' plan and send figures. Target: < 1 s for 1,000 chargers.
 * `--phase engine,dispatch` (default) runs both. Prints the figures as JSON and writes them to
 * .cache/bench/.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@test/support/repo-root';
import { runDispatchPhase } from './dispatch-phase';
import { runEnginePhase } from './engine-phase';

const { values: options } = parseArgs({
  options: {
    phase: { type: 'string', default: 'engine,dispatch' },
    evses: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '30' },
    seed: { type: 'string', default: '9' },
    chargers: { type: 'string', default: '1000' },
    feeders: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '10' },
    'pause-ms': { type: 'string', default: '2000' },
    'meter-interval': { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '100' },
  },
});

/** Each phase measures one thing and returns its figures; add a phase here. */
const phases: Record<string, () => Promise<object>> = {
  engine: async () => runEnginePhase({ evses: Number(options.evses), runs: Number(options.runs), warmup: Number(options.warmup), seed: Number(options.seed) }),
  dispatch: async () =>
    runDispatchPhase({
      chargers: Number(options.chargers),
      feeders: Number(options.feeders),
      rounds: Number(options.rounds),
      pauseMs: Number(options['pause-ms']),
      meterIntervalS: Number(options['meter-interval']),
      concurrency: Number(options.concurrency),
    }),
};

async function main(): Promise<void> {
  const names = String(options.phase).split(',');
  const unknown = names.filter((name) => !Object.hasOwn(phases, name));
  if (unknown.length > 0) throw new Error(`unknown --phase ${unknown.join(',')}; phases: ${Object.keys(phases).join(', ')}`);
  // Other work on a shared machine stretches the wall-clock figures: the load says how busy it was.
  const loadBefore = loadavg()[0];
  const results: Record<string, object> = {};
  for (const name of names) {
    const run = phases[name];
    if (run === undefined) continue;
    process.stderr.write(`[bench:allocation] phase ${name}\n`);
    results[name] = await run();
  }
  const phase = names.join('+');
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
