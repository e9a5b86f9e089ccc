import { openApiSchema } from '@app/runtime';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { z } from 'zod';
import { chargeDetailRecordOf, chargeDetailRecordSchema, recordEncoders } from './charge-detail-record';
import type { TransactionRow } from './transaction-read.repository';

const example: TransactionRow = {
  station_id: 'CP-0001',
  transaction_id: '42',
  state: 'ended',
  evse_id: 1,
  connector_id: 1,
  id_token: '04A2B3C4D5',
  id_token_type: 'ISO14443',
  started_at: new Date('2025-06-01T10:00:00Z'),
  stopped_at: new Date('2025-06-01T10:45:00Z'),
  meter_start_wh: 1000,
  meter_stop_wh: 17_500,
  energy_wh: 16_500,
  stopped_reason: 'EVDisconnected',
  charging_state: null,
  offline: false,
  remote_start_id: null,
  updated_at: new Date('2025-06-01T10:45:00Z'),
  created_key: '',
  latest_register_wh: null,
};

/** The export's 200 answer in both media types, with an example each (written by the encoders themselves). */
export function ApiExportResponse(): MethodDecorator {
  const record = chargeDetailRecordOf(example);
  const csv = recordEncoders.csv;
  return applyDecorators(
    ApiProduces('text/csv', 'application/json'),
    ApiResponse({
      status: 200,
      description: 'The file, as an attachment (`Content-Disposition`), with `?format=csv` or `?format=json`.',
      content: {
        'text/csv': { schema: { type: 'string', description: 'RFC 4180 with a header record; the columns are the members of the JSON records.' }, example: csv.opening + csv.records([record], true) },
        'application/json': { schema: openApiSchema(z.array(chargeDetailRecordSchema), 'output'), example: [record] },
      },
    }),
  );
}
