import { cpuUsage } from 'node:process';

export interface Throughput {
  operations: number;
  seconds: number;
  perSecond: number;
  /** Operations per second of this process's CPU time: what the path costs, apart from waiting for a core. */
  perCpuSecond: number;
  /** Mean wall-clock microseconds per operation. */
  meanUs: number;
}

/** Runs `operation` one after the other for `warmupMs` untimed, then for `seconds`, and reports the rate. */
export async function measure(operation: (index: number) => Promise<unknown>, seconds: number, warmupMs = 500): Promise<Throughput> {
  for (let index = 0, until = Date.now() + warmupMs; Date.now() < until; index += 1) await operation(index);
  const cpuBefore = cpuUsage();
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  let operations = 0;
  while (process.hrtime.bigint() < deadline) {
    await operation(operations);
    operations += 1;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    operations,
    seconds: Math.round(elapsed * 100) / 100,
    perSecond: Math.round(operations / elapsed),
    perCpuSecond: Math.round(operations / cpuSeconds),
    meanUs: Math.round((elapsed * 1e6) / operations),
  };
}
