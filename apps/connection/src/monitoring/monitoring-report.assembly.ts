import { assembleParts } from '@app/ocpp';
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
  const assembly = assembleParts(parts);
  if (!assembly.complete || assembly.last === undefined) return { complete: false, missing: assembly.missing };
  const last = assembly.last;
  const monitors = new Map<number, StationMonitor>();
  const inOrder = parts.filter((part) => part.seqNo >= 0 && part.seqNo <= last).sort((a, b) => a.seqNo - b.seqNo);
  for (const part of inOrder) for (const monitor of part.monitors) monitors.set(monitor.monitorId, monitor);
  return { complete: true, parts: last + 1, monitors: [...monitors.values()] };
}
