import type { RootJob, RootJobStation, StepAnswer, StepOutcome } from './types';

/** Station ids typed into a form: separated by commas, spaces or new lines; blanks and repeats dropped, order kept. */
export function parseStationIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
}

export interface JobProgress {
  total: number;
  pending: number;
  finished: number;
  /** 0-100, whole. */
  percent: number;
}

/** A job's `counts` (stations per outcome of its current step, and `pending`) as progress. */
export function jobProgress(counts: Readonly<Record<string, number>>): JobProgress {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const pending = counts.pending ?? 0;
  const finished = total - pending;
  return { total, pending, finished, percent: total === 0 ? 0 : Math.floor((finished * 100) / total) };
}

/** "3 accepted, 1 offline, 2 pending": the counts in a stable order, zeros left out. */
export function countsText(counts: Readonly<Record<string, number>>): string {
  const order = ['accepted', 'rejected', 'failed', 'offline', 'pending'];
  const keys = [...order.filter((key) => key in counts), ...Object.keys(counts).filter((key) => !order.includes(key)).sort()];
  const parts = keys.filter((key) => (counts[key] ?? 0) > 0).map((key) => `${counts[key]} ${key}`);
  return parts.length > 0 ? parts.join(', ') : 'no stations';
}

/** Running jobs are polled quickly (their stations answer one by one); finished ones no more. */
export function isRunning(job: Pick<RootJob, 'status'> | { status: string } | undefined): boolean {
  return job?.status === 'running';
}

/** The station's answer in a few words: the status and, when there was an error, its code and description. */
export function answerText(answer: StepAnswer | undefined): string {
  if (!answer) return '—';
  const error = [answer.errorCode, answer.errorDescription].filter(Boolean).join(': ');
  return error ? `${answer.status} (${error})` : answer.status;
}

export interface StationStep {
  step: 'install' | 'delete';
  outcome: StepOutcome | 'pending';
  answer: string;
  at?: string;
}

/** The step of the job a station is at (a rollover's delete once it got that far), with its outcome and answer. */
export function stationStepOf(job: Pick<RootJob, 'kind'>, station: RootJobStation): StationStep {
  const step = job.kind === 'delete' || (job.kind === 'rollover' && station.delete !== undefined) ? 'delete' : 'install';
  return step === 'delete'
    ? { step, outcome: station.delete ?? 'pending', answer: answerText(station.deleteAnswer), at: station.deleteAt }
    : { step, outcome: station.install ?? 'pending', answer: answerText(station.installAnswer), at: station.installAt };
}

export const outcomeColors: Readonly<Record<string, string>> = { accepted: 'green', rejected: 'orange', failed: 'red', offline: 'gray', pending: 'blue' };
