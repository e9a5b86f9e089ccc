import { readFileSync, readdirSync } from 'node:fs';
import { TreeCpuMeter, processTreeMemory } from '../embedded/process-tree';

/**
 * Seconds the threads of `pid` (not its children) have spent runnable but waiting for a CPU, from
 * /proc/<pid>/task/<tid>/schedstat (its second field, ns): how much the machine's other work held it back.
 */
function runQueueSecondsOf(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/task`).reduce((sum, task) => {
      try {
        return sum + Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[1] ?? 0) / 1e9;
      } catch {
        return sum; // the thread ended meanwhile
      }
    }, 0);
  } catch {
    return 0;
  }
}

/** A process (or a set of them) whose CPU and memory a benchmark window reports. */
export interface WatchedProcesses {
  name: string;
  /** The pids to watch, asked again at every sample (database backends come and go). */
  pids: () => number[] | Promise<number[]>;
  /** Count each pid's descendants too (a PostgreSQL server's backends), not just the pid itself. */
  withDescendants: boolean;
  /** Report memory (RSS of each pid + PSS of its descendants); off where it would count shared buffers twice. */
  memory: boolean;
}

export interface ProcessUsage {
  pids: number[];
  /** CPU seconds (user + system) spent over the window. */
  cpuSeconds: number;
  /** Average CPU cores used over the window: user + system seconds / wall seconds. */
  cores: number;
  /**
   * Average number of the pids' threads (children not counted) that were ready to run but waiting
   * for a CPU: on a shared machine, how much the load beside the benchmark slowed these processes.
   */
  waitingForCpu: number;
  /** Memory at the end of the window and the highest seen at a sample, MB. */
  memoryMB?: number;
  peakMemoryMB?: number;
}

const MB = 2 ** 20;

class Watch {
  private readonly meters = new Map<number, TreeCpuMeter>();
  private readonly firstWait = new Map<number, number>();
  private readonly lastWait = new Map<number, number>();
  private peakBytes = 0;
  private lastBytes = 0;

  constructor(readonly watched: WatchedProcesses) {}

  async sample(): Promise<void> {
    const pids = await this.watched.pids();
    let bytes = 0;
    for (const pid of pids) {
      let meter = this.meters.get(pid);
      if (meter === undefined) this.meters.set(pid, (meter = new TreeCpuMeter(pid)));
      meter.sample();
      const waited = runQueueSecondsOf(pid);
      if (!this.firstWait.has(pid)) this.firstWait.set(pid, waited);
      if (waited > 0) this.lastWait.set(pid, waited);
      if (this.watched.memory) {
        const memory = processTreeMemory(pid);
        bytes += this.watched.withDescendants ? memory.totalBytes : memory.rootRssBytes;
      }
    }
    this.lastBytes = bytes;
    this.peakBytes = Math.max(this.peakBytes, bytes);
  }

  usage(wallSeconds: number): ProcessUsage {
    let cpuSeconds = 0;
    for (const meter of this.meters.values()) {
      const { root, descendants } = meter.seconds();
      cpuSeconds += root + (this.watched.withDescendants ? descendants : 0);
    }
    const memory = this.watched.memory ? { memoryMB: Math.round(this.lastBytes / MB), peakMemoryMB: Math.round(this.peakBytes / MB) } : {};
    let waitSeconds = 0;
    for (const [pid, last] of this.lastWait) waitSeconds += last - (this.firstWait.get(pid) ?? last);
    const perWallSecond = (seconds: number) => Math.round((seconds / Math.max(wallSeconds, 0.001)) * 100) / 100;
    return { pids: [...this.meters.keys()], cpuSeconds: Math.round(cpuSeconds * 100) / 100, cores: perWallSecond(cpuSeconds), waitingForCpu: perWallSecond(waitSeconds), ...memory };
  }
}

/**
 * CPU and memory of the processes under test over one window, sampled every second from /proc
 * (Linux): what each used whatever else the machine was doing meanwhile.
 */
export class UsageWindow {
  private readonly watches: Watch[];
  private readonly startedAt = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<unknown> = Promise.resolve();

  private constructor(watched: readonly WatchedProcesses[]) {
    this.watches = watched.map((each) => new Watch(each));
  }

  static async open(watched: readonly WatchedProcesses[]): Promise<UsageWindow> {
    const window = new UsageWindow(watched);
    await window.sampleAll();
    window.timer = setInterval(() => {
      window.sampling = window.sampling.then(() => window.sampleAll());
    }, 1000);
    return window;
  }

  async close(): Promise<Record<string, ProcessUsage>> {
    clearInterval(this.timer);
    await this.sampling;
    await this.sampleAll();
    const wallSeconds = (performance.now() - this.startedAt) / 1000;
    return Object.fromEntries(this.watches.map((watch) => [watch.watched.name, watch.usage(wallSeconds)]));
  }

  private async sampleAll(): Promise<void> {
    // A sample that fails (a process ended, the database is busy) only loses that sample.
    await Promise.all(this.watches.map((watch) => watch.sample().catch(() => undefined)));
  }
}
