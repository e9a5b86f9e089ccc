// A report the CSMS asked for (or a station sent unasked) and how far it got:
//   requested → accepted | rejected | empty-result-set | not-supported | failed (no answer)
//   accepted → receiving (first NotifyReport part) → complete (every part) | timed-out (parts stopped)
// For 1.6, `configuration` jobs are a GetConfiguration whose answer is the whole report.

export const reportJobStatuses = ['requested', 'accepted', 'rejected', 'empty-result-set', 'not-supported', 'failed', 'receiving', 'complete', 'timed-out'] as const;
export type ReportJobStatus = (typeof reportJobStatuses)[number];

export type ReportJobKind = 'base' | 'criteria' | 'configuration' | 'unsolicited';

export const reportBases = ['ConfigurationInventory', 'FullInventory', 'SummaryInventory'] as const;
export type ReportBase = (typeof reportBases)[number];

export interface ReportJob {
  stationId: string;
  requestId: number;
  kind: ReportJobKind;
  reportBase: ReportBase | null;
  criteria: Record<string, unknown> | null;
  status: ReportJobStatus;
  stationStatus: string | null;
  error: string | null;
  actor: string | null;
  partsReceived: number;
  variablesStored: number | null;
  requestedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

/** The job status a station's answer to GetBaseReport / GetReport means. */
export function statusOfAnswer(stationStatus: string): ReportJobStatus {
  switch (stationStatus) {
    case 'Accepted':
      return 'accepted';
    case 'EmptyResultSet':
      return 'empty-result-set';
    case 'NotSupported':
      return 'not-supported';
    default:
      return 'rejected';
  }
}

/** A complete inventory replaces the stored model; a summary, a filtered report or an unasked one only adds to it. */
export function replacesModel(job: Pick<ReportJob, 'kind' | 'reportBase'>): boolean {
  return job.kind === 'base' && (job.reportBase === 'FullInventory' || job.reportBase === 'ConfigurationInventory');
}

/** How long a report may go without a part before it counts as timed out. */
export const REPORT_SILENCE_LIMIT_S = 120;
