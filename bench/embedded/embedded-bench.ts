/**
 * npm run bench:embedded — `npm start`'s process (embedded mode: in-process bus, embedded store)
 * from an empty data folder: time to ready, idle memory of the process and everything it started,
 * then a steady mix of Heartbeat / StatusNotification / MeterValues from charging stations with a
 * transaction running, with round trips measured at the stations. Prints the figures as JSON and
 * writes them to .cache/bench/.
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { freePort } from '@test/support/free-port';
import { repoRoot } from '@test/support/repo-root';
import { chargingStations, mixedLoad } from './mixed-load';
import { type ProcessTreeMemory, TreeCpuMeter, processTreeMemory } from './process-tree';
import { runtimeFigures } from './runtime-metrics';
import { LOAD_GENERATOR_ENV } from '../load-generator-env';

const { values: options } = parseArgs({
  options: {
    stations: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '60' },
    'idle-seconds': { type: 'string', default: '15' },
    'keep-data': { type: 'boolean', default: false },
    /** Writes a V8 CPU profile of the embedded process to .cache/bench/profiles when it stops. */
    profile: { type: 'boolean', default: false },
  },
});

const MB = 2 ** 20;
const megabytes = (memory: ProcessTreeMemory) => ({
  processRssMB: Math.round(memory.rootRssBytes / MB),
  childrenPssMB: Math.round(memory.descendantsPssBytes / MB),
  children: memory.descendants,
  totalMB: Math.round(memory.totalBytes / MB),
});

async function waitReady(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the embedded process exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`);
    if (await fetch(`${url}/health/ready`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'csms-bench-embedded-'));
  const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
  const entry = path.join(repoRoot(), 'dist/apps/embedded/src/main.js');
  const started = Date.now();
  // exec keeps the pid, so /proc/<pid> is node's own.
  const profiling = options.profile ? `--cpu-prof --cpu-prof-dir=${JSON.stringify(path.join(repoRoot(), '.cache/bench/profiles'))} ` : '';
  const child = spawn('bash', ['-c', `ulimit -n $(ulimit -Hn); exec node ${profiling}${JSON.stringify(entry)}`], {
    cwd: repoRoot(),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      EMBEDDED_DATA_DIR: dataDir,
      HTTP_PORT: String(httpPort),
      OCPP_WS_PORT: String(wsPort),
      OCPP_HEARTBEAT_INTERVAL_SECONDS: '86400',
      LOG_LEVEL: 'warn',
      ...LOAD_GENERATOR_ENV,
      ...(process.env.BENCH_POOL ? { DATABASE_POOL_SIZE: process.env.BENCH_POOL } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${httpPort}`;
  const pid = child.pid ?? 0;
  try {
    await waitReady(child, url, 120_000);
    const readyAfterMs = Date.now() - started;
    log(`ready after ${readyAfterMs} ms; idle for ${options['idle-seconds']} s`);
    await new Promise((resolve) => setTimeout(resolve, Number(options['idle-seconds']) * 1000));
    const idle = processTreeMemory(pid);
    const dataBytesIdle = Number(execSync(`du -sb ${JSON.stringify(dataDir)}`).toString().split('\t')[0]);

    const stationCount = Number(options.stations);
    log(`connecting ${stationCount} stations, each starting a transaction`);
    const stations = await chargingStations(`ws://127.0.0.1:${wsPort}/ocpp`, 'EMB-', stationCount);
    log(`load: ${options.rate} msg/s for ${options.seconds} s`);
    // Scraping resets prom-client's event-loop delay histogram, so the next reading covers the load alone.
    const gcBefore = (await runtimeFigures(url)).gcSecondsByKind;
    let peak = processTreeMemory(pid);
    const cpu = new TreeCpuMeter(pid);
    const simulatorCpuBefore = process.cpuUsage();
    // Round trips are timed in this process: its own event-loop delay is part of every figure.
    const simulatorLag = monitorEventLoopDelay({ resolution: 10 });
    simulatorLag.enable();
    const sampler = setInterval(() => {
      cpu.sample();
      const now = processTreeMemory(pid);
      if (now.totalBytes > peak.totalBytes) peak = now;
    }, 1000);
    const load = await mixedLoad(stations, Number(options.rate), Number(options.seconds)).finally(() => clearInterval(sampler));
    cpu.sample();
    const runtime = await runtimeFigures(url);
    const gcSecondsUnderLoad = Object.fromEntries(Object.entries(runtime.gcSecondsByKind).map(([kind, seconds]) => [kind, Math.round((seconds - (gcBefore[kind] ?? 0)) * 1000) / 1000]));
    // What the CSMS (node and its PostgreSQL server) spent per message, independent of contention.
    const spent = cpu.seconds();
    const perMessage = (seconds: number) => Math.round((seconds * 1e6) / Math.max(1, load.latency.count)) / 1000;
    const simulatorCpu = process.cpuUsage(simulatorCpuBefore);
    simulatorLag.disable();
    const cpuMsPerMessage = {
      process: perMessage(spent.root),
      children: perMessage(spent.descendants),
      // The stations' side, in this process: it shares the machine with the CSMS.
      simulator: perMessage((simulatorCpu.user + simulatorCpu.system) / 1e6),
    };
    await Promise.all(stations.map((station) => station.dispose()));
    const dataBytesAfter = Number(execSync(`du -sb ${JSON.stringify(dataDir)}`).toString().split('\t')[0]);

    const stopping = Date.now();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const exitCode = await exited;
    // A figure from a tree with uncommitted changes must not pass for the commit's.
    const dirty = execSync('git status --porcelain --untracked-files=no').toString().trim() !== '';
    const commit = `${execSync('git rev-parse --short HEAD').toString().trim()}${dirty ? '-dirty' : ''}`;
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const report = {
      date: new Date().toISOString(),
      commit,
      machine,
      options,
      readyAfterMs,
      idleMemory: megabytes(idle),
      dataMBIdle: Math.round(dataBytesIdle / MB),
      load,
      peakMemoryUnderLoad: megabytes(peak),
      cpuMsPerMessage,
      eventLoopUnderLoad: {
        csms: { lagP99Ms: runtime.eventLoopLagP99Ms, lagMaxMs: runtime.eventLoopLagMaxMs, gcSeconds: gcSecondsUnderLoad },
        simulator: { lagP99Ms: Math.round(simulatorLag.percentile(99) / 1e5) / 10, lagMaxMs: Math.round(simulatorLag.max / 1e5) / 10 },
      },
      dataMBAfterLoad: Math.round(dataBytesAfter / MB),
      stop: { exitCode, ms: Date.now() - stopping },
    };
    const dir = path.join(repoRoot(), '.cache/bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `embedded-${commit}-${Date.now()}.json`), JSON.stringify(report, null, 2));
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    if (!options['keep-data']) rmSync(dataDir, { recursive: true, force: true });
  }
}

function log(message: string): void {
  process.stderr.write(`[bench:embedded] ${new Date().toISOString()} ${message}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:embedded failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
