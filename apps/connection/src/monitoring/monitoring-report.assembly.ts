import type { StationMonitor } from './station-monitor';

/** One NotifyMonitoringReport part as stored until its report is complete. */
export interface ReportPart {
  seqNo: number;
  tbc: boolean;
  monitors: StationMonitor[];
}

export type Assembly = { complete: true; parts: number; monitors: StationMonitor[] } | { complete: false; missing: number[] };

/**
 * Whether the parts received for one requestId make the whole report: the last part (tbc false)
 * has arrived and every seqNo from 0 up to it is there. Parts may arrive in any order and a
 * part sent twice counts once (stored by seqNo). A monitor reported twice keeps its last report.
 */
export function assembleReport(parts: readonly ReportPart[]): Assembly {
  const bySeqNo = new Map(parts.map((part) => [part.seqNo, part]));
  const last = parts.find((part) => !part.tbc);
  const highest = Math.max(-1, ...bySeqNo.keys());
  const end = last?.seqNo ?? highest + 1;
  const missing: number[] = [];
  for (let seqNo = 0; seqNo <= end; seqNo += 1) if (!bySeqNo.has(seqNo)) missing.push(seqNo);
  if (last === undefined || missing.length > 0) return { complete: false, missing };
  const monitors = new Map<number, StationMonitor>();
  for (let seqNo = 0; seqNo <= last.seqNo; seqNo += 1) for (const monitor of bySeqNo.get(seqNo)?.monitors ?? []) monitors.set(monitor.monitorId, monitor);
  return { complete: true, parts: last.seqNo + 1, monitors: [...monitors.values()] };
}
