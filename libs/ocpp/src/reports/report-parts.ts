/** What a multi-part OCPP 2.0.1 report message carries about its place: NotifyReport, NotifyMonitoringReport, NotifyCustomerInformation, ... */
export interface ReportPartPosition {
  seqNo: number;
  /** To be continued: more parts follow. */
  tbc: boolean;
}

export interface PartsAssembly {
  /** The last part (tbc false) and every part from seqNo 0 up to it came. */
  complete: boolean;
  /** The seqNo of the last part (the lowest one sent with tbc false), once it came. */
  last: number | undefined;
  /** seqNos not received below the last part (below the highest received while it has not come), at most MISSING_LISTED of them. */
  missing: number[];
}

/** The gaps named, at most: a station's seqNo is any integer, and a list must not grow with it. */
export const MISSING_LISTED = 100;

/**
 * Whether the parts received for one requestId make the whole report, in any order, a part
 * received twice counting once. Costs O(parts), whatever the seqNos: a station that sends
 * seqNo 2 000 000 000 must not make the CSMS enumerate every number below it.
 */
export function assembleParts(parts: readonly ReportPartPosition[]): PartsAssembly {
  const seen = new Set<number>();
  let last: number | undefined;
  let highest = -1;
  for (const part of parts) {
    seen.add(part.seqNo);
    highest = Math.max(highest, part.seqNo);
    if (!part.tbc && (last === undefined || part.seqNo < last)) last = part.seqNo;
  }
  const end = last ?? highest;
  const inRange = [...seen].filter((seqNo) => Number.isInteger(seqNo) && seqNo >= 0 && seqNo <= end).length;
  const missing: number[] = [];
  // Each step either finds a received part (at most parts.length of them) or lists a gap (at most MISSING_LISTED).
  for (let seqNo = 0; seqNo <= end && missing.length < MISSING_LISTED; seqNo += 1) if (!seen.has(seqNo)) missing.push(seqNo);
  return { complete: last !== undefined && inRange === last + 1, last, missing };
}
