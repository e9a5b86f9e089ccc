import { pageQuery, pageSchema, stationIdSchema } from '@app/runtime';
import { z } from 'zod';
import { hashDataSchema } from '@app/pki/inventory/installed-certificate.schemas';
import type { RootJob, RootJobStation, StepAnswer } from './root-job.repository';

const timestamp = z.iso.datetime({ offset: true });

export const ROOT_CERTIFICATE_TYPES = ['CSMSRootCertificate', 'ManufacturerRootCertificate', 'V2GRootCertificate', 'MORootCertificate'] as const;
const rootType = z.enum(ROOT_CERTIFICATE_TYPES).meta({ description: 'Use type (OCPP 2.0.1 names; 1.6 stations get CentralSystemRootCertificate for the CSMS root and take no V2G/MO roots).' });
const certificatePem = z.string().min(1).max(20_000).meta({ description: 'One PEM CERTIFICATE: a self-signed CA certificate, valid now.' });

/** Who the job reaches: a list of stations, or every station the PKI has seen connecting. */
const target = {
  stationIds: z.array(stationIdSchema).min(1).max(10_000).optional().meta({ description: 'The stations of the batch.' }),
  allStations: z.literal(true).optional().meta({ description: 'Every station the PKI has seen connecting (instead of stationIds).' }),
  concurrency: z.number().int().min(1).max(100).optional().meta({ description: 'Stations asked at once; default 10.' }),
};

export const createRootJobBody = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('install'), certificateType: rootType, certificatePem, ...target }).meta({ description: 'InstallCertificate at every station.' }),
    z.strictObject({ kind: z.literal('delete'), hashData: hashDataSchema, ...target }).meta({ description: 'DeleteCertificate by hash data at every station.' }),
    z
      .strictObject({
        kind: z.literal('rollover'),
        certificateType: rootType.default('CSMSRootCertificate'),
        certificatePem: certificatePem.meta({ description: 'The new root.' }),
        oldHashData: hashDataSchema.meta({ description: 'The old root, as the inventory lists it; deleted only once every station confirmed the new one.' }),
        ...target,
      })
      .meta({ description: 'Install a new root everywhere, then delete the old one everywhere.' }),
  ])
  .refine((body) => (body.stationIds === undefined) !== (body.allStations === undefined), { message: 'give exactly one of stationIds and allStations', path: ['stationIds'] });
export type CreateRootJobBody = z.output<typeof createRootJobBody>;

const outcome = z.enum(['accepted', 'rejected', 'failed', 'offline']);
const answerSchema = z
  .object({ status: z.string(), result: z.record(z.string(), z.unknown()).optional(), errorCode: z.string().optional(), errorDescription: z.string().optional() })
  .meta({ description: 'The command’s outcome with the station’s answer (or why there was none).' });

export const rootJobStationSchema = z.object({
  stationId: z.string(),
  install: outcome.optional(),
  installAnswer: answerSchema.optional(),
  installAt: timestamp.optional(),
  confirmedAt: timestamp.optional().meta({ description: 'When GetInstalledCertificateIds listed the installed certificate.' }),
  delete: outcome.optional(),
  deleteAnswer: answerSchema.optional(),
  deleteAt: timestamp.optional(),
  keepsOldRoot: z.boolean().optional().meta({ description: 'Rollover only: the old root is still installed on this station.' }),
});

export const rootJobSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['install', 'delete', 'rollover']),
  certificateType: z.string(),
  subject: z.string().optional(),
  notAfter: timestamp.optional(),
  hashData: hashDataSchema.optional().meta({ description: 'The certificate installed (SHA-256).' }),
  oldHashData: hashDataSchema.optional().meta({ description: 'The certificate deleted.' }),
  status: z.enum(['running', 'done', 'partiallyFailed']),
  phase: z.enum(['sending', 'installingNew', 'deletingOld', 'finished', 'holdingOldRoot']),
  concurrency: z.number().int(),
  createdBy: z.string(),
  createdAt: timestamp,
  finishedAt: timestamp.optional(),
  counts: z.record(z.string(), z.number().int()).meta({ description: 'Stations per outcome of the job’s last step, and `pending`.' }),
});
export const rootJobDetailSchema = rootJobSchema.extend({ stations: z.array(rootJobStationSchema) });
export const rootJobPageSchema = pageSchema(rootJobSchema);

export const listRootJobsQuery = z.strictObject({
  status: z.enum(['running', 'done', 'partiallyFailed']).optional(),
  ...pageQuery(['timestamp', 'text']),
});
export type ListRootJobsQuery = z.output<typeof listRootJobsQuery>;

export const rootJobIdSchema = z.uuid().meta({ description: 'The job’s id.' });

const iso = (value: Date | undefined) => value?.toISOString();
const answerView = (answer: StepAnswer | undefined) => (answer ? { ...answer } : undefined);

export function rootJobViewOf(job: RootJob, counts: Record<string, number>): z.output<typeof rootJobSchema> {
  return {
    id: job.id,
    kind: job.kind,
    certificateType: job.certificateType,
    subject: job.subject,
    notAfter: iso(job.notAfter),
    hashData: job.hashData ? { ...job.hashData } : undefined,
    oldHashData: job.oldHashData ? { ...job.oldHashData } : undefined,
    status: job.status,
    phase: job.phase,
    concurrency: job.concurrency,
    createdBy: job.createdBy,
    createdAt: job.createdAt.toISOString(),
    finishedAt: iso(job.finishedAt),
    counts,
  };
}

export function rootJobStationViewOf(job: RootJob, station: RootJobStation): z.output<typeof rootJobStationSchema> {
  return {
    stationId: station.stationId,
    install: station.install,
    installAnswer: answerView(station.installAnswer),
    installAt: iso(station.installAt),
    confirmedAt: iso(station.confirmedAt),
    delete: station.delete,
    deleteAnswer: answerView(station.deleteAnswer),
    deleteAt: iso(station.deleteAt),
    keepsOldRoot: job.kind === 'rollover' ? station.delete !== 'accepted' : undefined,
  };
}

/** Per outcome of the step the job is at (a rollover's delete once it got there), and `pending`. */
export function countsOf(job: RootJob, stations: readonly RootJobStation[]): Record<string, number> {
  const step = job.kind === 'delete' || (job.kind === 'rollover' && (job.phase === 'deletingOld' || job.phase === 'finished')) ? 'delete' : 'install';
  const counts: Record<string, number> = {};
  for (const station of stations) {
    const key = station[step] ?? 'pending';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
