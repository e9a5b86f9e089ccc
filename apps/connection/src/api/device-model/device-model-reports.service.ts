import { type ApiPrincipal, DEFAULT_PAGE_SIZE, type Page, pageOf } from '@app/runtime';
import { type CommandBody, type CommandOutcome, PresenceDirectory, StationCommandClient } from '@app/station-commands';
import { Injectable } from '@nestjs/common';
import { DeviceModelUpdater, type ReportJob, ReportJobRepository, deviceModelUpdateOfAnswer, statusOfAnswer } from '../device-model.port';
import { OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { StationReadRepository } from '../stations/station-read.repository';
import { DeviceModelApiErrorCode, type DeviceModelResult, refused } from './device-model-api.error';
import type { ListReportsQuery, ReportJobView, RequestReportBody } from './device-model.schemas';
import { connectedVersion } from './station-version';

export function reportJobViewOf(job: ReportJob): ReportJobView {
  return {
    requestId: job.requestId,
    kind: job.kind,
    reportBase: job.reportBase,
    criteria: job.criteria,
    status: job.status,
    stationStatus: job.stationStatus,
    error: job.error,
    actor: job.actor,
    partsReceived: job.partsReceived,
    variablesStored: job.variablesStored,
    requestedAt: job.requestedAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    completedAt: job.completedAt?.toISOString() ?? null,
  };
}

function failureOf(outcome: CommandOutcome): string {
  const detail = outcome.errorCode ? `${outcome.errorCode}${outcome.errorDescription ? `: ${outcome.errorDescription}` : ''}` : (outcome.errorDescription ?? '');
  return `${outcome.status}${detail ? ` (${detail})` : ''}`;
}

/**
 * Reports as tracked jobs: a job row per request id, then GetBaseReport / GetReport (2.0.1) whose
 * NotifyReport parts the station core folds into the model, or GetConfiguration (1.6) whose answer
 * is the whole report.
 */
@Injectable()
export class DeviceModelReportsService {
  constructor(
    private readonly jobs: ReportJobRepository,
    private readonly stations: StationReadRepository,
    private readonly presence: PresenceDirectory,
    private readonly client: StationCommandClient,
    private readonly updater: DeviceModelUpdater,
  ) {}

  async request(stationId: string, body: RequestReportBody, actor: ApiPrincipal | undefined): Promise<DeviceModelResult<ReportJobView>> {
    const version = await connectedVersion(stationId, this.presence, this.stations);
    if (!version.ok) return version;
    const options = { actor: actor?.name };
    if (version.value === '1.6') {
      const keys = 'componentVariable' in body ? (body.componentVariable ?? []).flatMap((entry) => (entry.variable ? [entry.variable.name] : [])) : [];
      const job = await this.jobs.create({ stationId, kind: 'configuration', criteria: keys.length > 0 ? { keys } : undefined, actor: actor?.name });
      const outcome = await this.client.send(stationId, { case: 'getConfiguration', value: { keys } }, options);
      await this.finishConfiguration(job, keys, outcome);
      return this.get(stationId, job.requestId);
    }
    const job =
      'reportBase' in body
        ? await this.jobs.create({ stationId, kind: 'base', reportBase: body.reportBase, actor: actor?.name })
        : await this.jobs.create({ stationId, kind: 'criteria', criteria: { ...body }, actor: actor?.name });
    const call: CommandBody =
      'reportBase' in body
        ? { case: 'rawCall', value: { action: 'GetBaseReport', payloadJson: JSON.stringify({ requestId: job.requestId, reportBase: body.reportBase }) } }
        : { case: 'rawCall', value: { action: 'GetReport', payloadJson: JSON.stringify({ requestId: job.requestId, ...body }) } };
    const outcome = await this.client.send(stationId, call, options);
    if (outcome.status === 'accepted' || outcome.status === 'rejected') {
      const stationStatus = typeof outcome.result?.status === 'string' ? outcome.result.status : '';
      await this.jobs.recordAnswer(stationId, job.requestId, statusOfAnswer(stationStatus), stationStatus, null);
    } else {
      await this.jobs.recordAnswer(stationId, job.requestId, 'failed', null, failureOf(outcome));
    }
    return this.get(stationId, job.requestId);
  }

  private async finishConfiguration(job: ReportJob, keys: string[], outcome: CommandOutcome): Promise<void> {
    if (outcome.status !== 'accepted' && outcome.status !== 'rejected') {
      await this.jobs.recordAnswer(job.stationId, job.requestId, 'failed', null, failureOf(outcome));
      return;
    }
    const update = deviceModelUpdateOfAnswer('GetConfiguration', { keys }, outcome.result ?? {});
    // Stored here before the job says complete (the replica that ran it stores the same).
    if (update !== undefined) await this.updater.apply(job.stationId, update);
    await this.jobs.completeNow(job.stationId, job.requestId, (update?.configuration ?? update?.values ?? []).length);
  }

  async get(stationId: string, requestId: number): Promise<DeviceModelResult<ReportJobView>> {
    const job = await this.jobs.find(stationId, requestId);
    return job === undefined ? refused(DeviceModelApiErrorCode.reportNotFound, `station ${stationId} has no report ${requestId}`) : succeeded(reportJobViewOf(job));
  }

  async list(stationId: string, query: ListReportsQuery): Promise<DeviceModelResult<Page<ReportJobView>>> {
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const before = query.cursor?.[0] === undefined ? undefined : Number(query.cursor[0]);
    const jobs = await this.jobs.list(stationId, limit + 1, before);
    return succeeded(pageOf(jobs, limit, reportJobViewOf, (job) => [String(job.requestId)]));
  }
}
