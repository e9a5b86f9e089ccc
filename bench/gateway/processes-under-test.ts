import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { TestDatabase } from '@test/support/test-database';
import type { WatchedProcesses } from './system-usage';

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The first process whose command line contains `marker` (for a server this run did not start). */
function pidByCommandLine(marker: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) return Number(entry);
    } catch {
      // ended meanwhile
    }
  }
  return undefined;
}

/** The PostgreSQL server's postmaster: every backend and helper process is its child. */
async function postmasterPid(database: TestDatabase): Promise<number | undefined> {
  const [row] = await database.query<{ setting: string }>(`SELECT setting FROM pg_settings WHERE name = 'data_directory'`);
  return row ? readPid(path.join(row.setting, 'postmaster.pid')) : undefined;
}

export interface ProcessesUnderTest {
  gatewayPid: number;
  database: TestDatabase;
  /** The broker's run folder when this run started it (its kafka.pid), else the broker is found by its command line. */
  kafkaRunDir: string | undefined;
}

/**
 * What a window of the gateway benchmark reports CPU and memory for: the connection process, the
 * whole PostgreSQL server (shared with whatever else uses it on this machine) and, apart, the
 * backends serving the benchmark's database, the Kafka broker's JVM, and this process, which
 * drives the simulated stations.
 */
export async function processesUnderTest({ gatewayPid, database, kafkaRunDir }: ProcessesUnderTest): Promise<WatchedProcesses[]> {
  const postmaster = await postmasterPid(database);
  const kafka = kafkaRunDir ? readPid(path.join(kafkaRunDir, 'kafka.pid')) : pidByCommandLine('kafka.Kafka');
  const listed = (pid: number | undefined) => () => (pid === undefined ? [] : [pid]);
  return [
    { name: 'connection', pids: listed(gatewayPid), withDescendants: false, memory: true },
    { name: 'postgres (server, all databases)', pids: listed(postmaster), withDescendants: true, memory: true },
    {
      name: 'postgres (bench database backends)',
      pids: async () =>
        (await database.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')).map((row) => Number(row.pid)),
      withDescendants: false,
      memory: false,
    },
    { name: 'kafka broker', pids: listed(kafka), withDescendants: true, memory: true },
    { name: 'load generator (this process)', pids: listed(process.pid), withDescendants: false, memory: true },
  ];
}

/**
 * Waits until no backend of the benchmark's database has been inside a transaction for three
 * samples in a row (the gateway has worked off what the last window left it), at most `timeoutMs`;
 * resolves with the seconds it waited.
 */
export async function databaseSettled(database: TestDatabase, timeoutMs = 180_000): Promise<number> {
  const started = performance.now();
  let quietSamples = 0;
  while (quietSamples < 3 && performance.now() - started < timeoutMs) {
    const [row] = await database.query<{ busy: string }>(
      "SELECT count(*) AS busy FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'",
    );
    quietSamples = Number(row?.busy ?? 0) === 0 ? quietSamples + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return Math.round((performance.now() - started) / 100) / 10;
}
