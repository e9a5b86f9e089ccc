import { CSV_CONTENT_TYPE, csvRecord } from '@app/runtime';
import { z } from 'zod';
import { timestampSchema } from '../api-schemas';
import type { TransactionRow } from './transaction-read.repository';
import { transactionViewOf } from './transaction.view';

/** One finished charging session as billing and reporting read it; the JSON member names are the CSV header. */
export const chargeDetailRecordSchema = z.object({
  stationId: z.string(),
  transactionId: z.string(),
  evseId: z.number().int().nullable(),
  connectorId: z.number().int().nullable(),
  idToken: z.string().nullable(),
  idTokenType: z.string().nullable(),
  startedAt: timestampSchema.nullable().meta({ description: 'Null when the station never reported the start.' }),
  stoppedAt: timestampSchema.nullable(),
  durationSeconds: z.number().int().nullable().meta({ description: 'From start to stop, whole seconds.' }),
  meterStartWh: z.number().nullable(),
  meterStopWh: z.number().nullable(),
  energyWh: z.number().nullable(),
  stoppedReason: z.string().nullable(),
});

export type ChargeDetailRecord = z.output<typeof chargeDetailRecordSchema>;

const FIELDS = Object.keys(chargeDetailRecordSchema.shape) as (keyof ChargeDetailRecord)[];

export function chargeDetailRecordOf(row: TransactionRow): ChargeDetailRecord {
  const view = transactionViewOf(row);
  const durationSeconds = view.startedAt === null || view.stoppedAt === null ? null : Math.round((Date.parse(view.stoppedAt) - Date.parse(view.startedAt)) / 1000);
  return {
    stationId: view.stationId,
    transactionId: view.transactionId,
    evseId: view.evseId,
    connectorId: view.connectorId,
    idToken: view.idToken,
    idTokenType: view.idTokenType,
    startedAt: view.startedAt,
    stoppedAt: view.stoppedAt,
    durationSeconds,
    meterStartWh: view.meterStartWh,
    meterStopWh: view.meterStopWh,
    energyWh: view.energyWh,
    stoppedReason: view.stoppedReason,
  };
}

export type ExportFormat = 'csv' | 'json';

/** How an export file is written: what opens it, each page of records, what closes it. */
export interface RecordEncoder {
  contentType: string;
  extension: string;
  opening: string;
  /** `first`: these are the first records of the file. */
  records(records: readonly ChargeDetailRecord[], first: boolean): string;
  closing: string;
}

export const recordEncoders: Readonly<Record<ExportFormat, RecordEncoder>> = {
  csv: {
    contentType: CSV_CONTENT_TYPE,
    extension: 'csv',
    opening: csvRecord(FIELDS),
    records: (records) => records.map((record) => csvRecord(FIELDS.map((field) => record[field]))).join(''),
    closing: '',
  },
  // A JSON array rather than NDJSON: every JSON client reads it, and a transfer cut short is
  // invalid JSON instead of a file that looks complete.
  json: {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    opening: '[',
    records: (records, first) => `${first ? '\n' : ',\n'}${records.map((record) => JSON.stringify(record)).join(',\n')}`,
    closing: '\n]\n',
  },
};
