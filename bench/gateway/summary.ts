import type { LatencySummary } from '@app/simulator';
import type { CallFigures } from './call-recorder';
import type { DurableResult, LoadWindow } from './durable-phase';
import type { OverloadResult } from './overload-phase';

function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function latency(summary: LatencySummary): string {
  return `${ms(summary.p50Ms)} / ${ms(summary.p99Ms)} / ${ms(summary.maxMs)}`;
}

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record);
  return entries.length === 0 ? '0' : entries.map(([key, value]) => `${key} ${value}`).join(', ');
}

function callsTable(title: string, calls: CallFigures, target?: number): string[] {
  const lines = [
    `**${title}**: ${target === undefined ? '' : `offered ${target}/s, `}achieved ${calls.achievedPerSecond}/s over ${calls.seconds} s; round trip p50 / p99 / max ${latency(calls.latency)} ms`,
    `CALLERRORs: ${counts(calls.callErrors)}; unanswered: ${counts(calls.unanswered)}; step failures: ${counts(calls.stepFailures)}; late sends ${calls.lateSends} of ${calls.steps} steps, ${calls.stepsNotSent} not sent (still behind schedule 30 s after the end) (send delay p99 ${ms(calls.sendDelay.p99Ms)} ms, max ${ms(calls.sendDelay.maxMs)} ms)`,
    '',
    '| action | answered | p50 / p99 / max ms |',
    '|---|---|---|',
    ...Object.entries(calls.latencyByAction).map(([action, summary]) => `| ${action} | ${summary.count} | ${latency(summary)} |`),
  ];
  return lines;
}

function usageTable(window: LoadWindow): string[] {
  return [
    '',
    '| process | CPU cores used | threads waiting for a CPU (avg) | memory MB (end / peak) |',
    '|---|---|---|---|',
    ...Object.entries(window.usage).map(
      ([name, usage]) => `| ${name} | ${usage.cores} | ${usage.waitingForCpu} | ${usage.memoryMB === undefined ? '–' : `${usage.memoryMB} / ${usage.peakMemoryMB}`} |`,
    ),
    `load generator event loop: delay p99 ${window.loadGenerator.lagP99Ms} ms, max ${window.loadGenerator.lagMaxMs} ms`,
  ];
}

function metricsLines(window: LoadWindow): string[] {
  return [`gateway counters that grew: ${counts(window.gatewayMetrics.counters)}`, `gateway gauges at the end: ${counts(window.gatewayMetrics.gauges)}`];
}

/** One rate of the durable phase, as soon as it is measured. */
export function windowSummary(window: LoadWindow): string {
  const settled = window.settledAfterSeconds === undefined ? [] : [`(started once the gateway's database had been quiet, ${window.settledAfterSeconds} s after the previous rate)`];
  return [
    ...settled,...callsTable(`${window.targetPerSecond} msg/s, after an unmeasured warm-up`, window.calls, window.targetPerSecond), ...usageTable(window), ...metricsLines(window)].join('\n');
}

export function durableSummary(result: DurableResult): string {
  const lines = [
    `### bench:gateway durable mix — ${result.stations} stations, booted in ${result.connectSeconds} s; ${result.sessionsStartedBeforeLoad} sessions running before the load (${result.sessionStartFailures} failed to start)`,
    '',
    ...callsTable(`first ${result.firstSeconds.seconds} s after the fleet booted (inside the first warm-up)`, result.firstSeconds),
  ];
  for (const window of result.windows) lines.push('', windowSummary(window));
  return lines.join('\n');
}

export function overloadSummary(result: OverloadResult): string {
  const { ramp, load } = result;
  return [
    `### bench:gateway overload — ${result.options.perSecond} msg/s over unknown stations`,
    `stations connected ${ramp.connected} / booted ${ramp.booted} / attempted ${ramp.attempted} (ramp ${ramp.seconds} s; failures: ${counts(ramp.failures)}); ${result.sessionsStartedBeforeLoad} sessions running before the load`,
    '',
    ...callsTable('overload', load.calls, load.targetPerSecond),
    ...usageTable(load),
    ...metricsLines(load),
  ].join('\n');
}
