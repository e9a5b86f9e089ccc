import pino from 'pino';
import { REPORT_SILENCE_LIMIT_S } from './report-job';
import type { ReportJobRepository } from './report-job.repository';
import { ReportJobSweeper } from './report-job.sweeper';

describe('ReportJobSweeper', () => {
  it('times out the reports silent for longer than the limit', async () => {
    const silences: number[] = [];
    const jobs = { timeOutSilent: async (silenceS: number) => (silences.push(silenceS), 2) };
    await new ReportJobSweeper(jobs as unknown as ReportJobRepository, pino({ level: 'silent' })).sweep();
    expect(silences).toEqual([REPORT_SILENCE_LIMIT_S]);
  });

  it('survives a failing sweep (the next one tries again)', async () => {
    const jobs = { timeOutSilent: async () => Promise.reject(new Error('database away')) };
    await expect(new ReportJobSweeper(jobs as unknown as ReportJobRepository, pino({ level: 'silent' })).sweep()).resolves.toBeUndefined();
  });
});
