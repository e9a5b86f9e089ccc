import { readFileSync, readdirSync } from 'node:fs';

export interface ProcessTreeMemory {
  /** Resident set of the root process (node), bytes. */
  rootRssBytes: number;
  /**
   * Proportional set size of every descendant (e.g. the embedded PostgreSQL server and its
   * backends), bytes: PSS, not RSS, because those processes share their buffers and code.
   */
  descendantsPssBytes: number;
  descendants: number;
  /** rootRss + descendantsPss: what the system costs the machine. */
  totalBytes: number;
}

function kilobytes(file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return Number(match?.[1] ?? 0) * 1024;
  } catch {
    return 0; // the process ended while we read it
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter((text) => text.trim() !== '')
        .map(Number),
    );
  } catch {
    return [];
  }
}

function descendantsOf(pid: number): number[] {
  const found: number[] = [];
  const pending = childrenOf(pid);
  while (pending.length > 0) {
    const next = pending.pop() ?? 0;
    found.push(next);
    pending.push(...childrenOf(next));
  }
  return found;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) one process has used so far; 0 once it has ended. */
function cpuSecondsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces) start at ") ": utime and stime are 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds (user + system) a process tree spends over a phase, whatever else the machine is
 * doing meanwhile: sample() it often enough that short-lived children are seen before they end.
 */
export class TreeCpuMeter {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();

  constructor(private readonly pid: number) {
    this.sample();
    for (const [each, seconds] of this.last) this.first.set(each, seconds);
  }

  sample(): void {
    for (const each of [this.pid, ...descendantsOf(this.pid)]) {
      const seconds = cpuSecondsOf(each);
      if (seconds > 0) this.last.set(each, seconds);
    }
  }

  /** Seconds spent since construction by the process itself and by its descendants (a child started meanwhile counts from zero). */
  seconds(): { root: number; descendants: number } {
    let descendants = 0;
    for (const [each, seconds] of this.last) if (each !== this.pid) descendants += seconds - (this.first.get(each) ?? 0);
    const root = (this.last.get(this.pid) ?? 0) - (this.first.get(this.pid) ?? 0);
    return { root, descendants };
  }
}

/** Memory of a process and everything it started, from /proc (Linux only). */
export function processTreeMemory(pid: number): ProcessTreeMemory {
  const rootRssBytes = kilobytes(`/proc/${pid}/status`, 'VmRSS');
  const descendants = descendantsOf(pid);
  const descendantsPssBytes = descendants.reduce((sum, child) => sum + kilobytes(`/proc/${child}/smaps_rollup`, 'Pss'), 0);
  return { rootRssBytes, descendantsPssBytes, descendants: descendants.length, totalBytes: rootRssBytes + descendantsPssBytes };
}
