import { Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { rowsToRemove } from './device-model.diff';
import { DeviceModelRepository } from './device-model.repository';
import type { ReportPart } from './notify-report.adapter';
import { assembledVariables, assemblyOf } from './report-assembly';
import { type ReportJob, replacesModel } from './report-job';
import { ReportJobRepository } from './report-job.repository';

/**
 * NotifyReport: each part is stored in its job's transaction before the station gets its answer,
 * so a part the station saw acknowledged is never lost. Parts may come twice or out of order; the
 * transaction that stores the last missing one folds the whole report into the device model.
 */
@Injectable()
export class NotifyReportHandler {
  constructor(
    private readonly jobs: ReportJobRepository,
    private readonly model: DeviceModelRepository,
  ) {}

  async handle(stationId: string, part: ReportPart, logger: Logger): Promise<Record<string, never>> {
    const folded = await this.jobs.dataSource.transaction(async (manager) => {
      const job = await this.jobs.lockJobOf(manager, stationId, part.requestId);
      // A late copy of a part of a report already folded in: nothing left to do.
      if (job.status === 'complete') return undefined;
      const received = await this.jobs.storePart(manager, stationId, part);
      if (!assemblyOf(received).complete) return undefined;
      return this.fold(manager, job);
    });
    if (folded !== undefined) logger.info({ requestId: part.requestId, variables: folded }, 'device model report complete');
    return {};
  }

  /** The report into the model; values learned since the report was asked for are newer and stay. */
  private async fold(manager: EntityManager, job: ReportJob): Promise<number> {
    const { stationId, requestId } = job;
    const variables = assembledVariables(await this.jobs.partsOf(manager, stationId, requestId));
    if (replacesModel(job)) await this.model.removeRows(manager, stationId, rowsToRemove(await this.model.storedKeys(manager, stationId), variables));
    await this.model.writeVariables(manager, stationId, variables, 'report', job.requestedAt);
    await this.jobs.complete(manager, stationId, requestId, variables.length);
    return variables.length;
  }
}
