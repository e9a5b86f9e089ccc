import { Problem } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { sameCertificate } from '@app/pki/inventory/certificate-hash-data';
import { StationSecurityRepository } from '@app/pki/inventory/station-security.repository';
import { checkRootCertificate } from './root-certificate-check';
import { RootDistributionRunner } from './root-distribution.runner';
import { type NewRootJob, RootJobRepository } from './root-job.repository';
import { type CreateRootJobBody, type ListRootJobsQuery, countsOf, rootJobStationViewOf, rootJobViewOf } from './root-job.schemas';

const DEFAULT_CONCURRENCY = 10;

/** Creates root distribution jobs after checking what they would send, and shows them. */
@Injectable()
export class RootDistributionService {
  constructor(
    private readonly jobs: RootJobRepository,
    private readonly stations: StationSecurityRepository,
    private readonly runner: RootDistributionRunner,
  ) {}

  async create(body: CreateRootJobBody, createdBy: string) {
    const stationIds = body.allStations ? await this.stations.stationIds() : (body.stationIds ?? []);
    if (stationIds.length === 0) throw new Problem({ status: 422, code: 'no-stations', detail: 'the PKI has seen no station connect yet: there is nobody to send to' });
    const id = await this.jobs.create(this.newJob(body, createdBy), stationIds);
    this.runner.start(id);
    return this.get(id);
  }

  async get(id: string) {
    const found = await this.jobs.find(id);
    if (!found) throw new Problem({ status: 404, code: 'job-not-found', detail: `no root distribution job ${id}` });
    return { ...rootJobViewOf(found.job, countsOf(found.job, found.stations)), stations: found.stations.map((station) => rootJobStationViewOf(found.job, station)) };
  }

  async list(query: ListRootJobsQuery, limit: number) {
    const rows = await this.jobs.list({ status: query.status, before: query.cursor, limit });
    return Promise.all(
      rows.map(async (job) => {
        const found = await this.jobs.find(job.id);
        return { row: job, view: rootJobViewOf(job, found ? countsOf(found.job, found.stations) : {}) };
      }),
    );
  }

  private newJob(body: CreateRootJobBody, createdBy: string): NewRootJob {
    const concurrency = body.concurrency ?? DEFAULT_CONCURRENCY;
    if (body.kind === 'delete') return { kind: 'delete', certificateType: 'any', oldHashData: body.hashData, phase: 'sending', concurrency, createdBy };
    const checked = checkRootCertificate(body.certificatePem, new Date());
    if (!checked.ok) throw new Problem({ status: 422, code: `certificate-${checked.code}`, detail: checked.message });
    const installed = { certificateType: body.certificateType, certificatePem: checked.pem, subject: checked.subject, notAfter: checked.notAfter, hashData: checked.hashData, concurrency, createdBy };
    if (body.kind === 'install') return { kind: 'install', phase: 'sending', ...installed };
    if (sameCertificate(checked.hashData, body.oldHashData)) {
      throw new Problem({ status: 422, code: 'same-root', detail: 'the new root is the old one: a rollover needs another certificate' });
    }
    return { kind: 'rollover', phase: 'installingNew', oldHashData: body.oldHashData, ...installed };
  }
}
