import { timestampFromDate } from '@app/contracts';
import { z } from 'zod';
import { timestampSchema } from '../api-schemas';
import { command } from './command-spec';

// Firmware updates and log uploads.

const timestampOf = (iso: string | undefined) => (iso === undefined ? undefined : timestampFromDate(new Date(iso)));
const retries = z.number().int().min(0).max(100).optional().meta({ description: 'Omitted: the station’s default.' });
const retryIntervalSeconds = z.number().int().min(0).max(86_400).optional().meta({ description: 'Omitted: the station’s default.' });
const requestId = z.number().int().min(1).max(2147483647).optional().meta({ description: 'Omitted: derived from the command id (answered in the result).' });

export const firmwareAndLogCommands = {
  'update-firmware': command({
    summary: 'Update the firmware',
    description: '1.6 UpdateFirmware (signed: SignedUpdateFirmware) / 2.0.1 UpdateFirmware.',
    fields: {
      location: z.string().min(1).max(512).meta({ description: 'URI the station downloads the firmware from.' }),
      retrieveAt: timestampSchema.optional().meta({ description: 'Omitted: now.' }),
      installAt: timestampSchema.optional().meta({ description: 'Signed updates only.' }),
      retries,
      retryIntervalSeconds,
      requestId,
      signingCertificate: z.string().min(1).max(5500).optional().meta({ description: 'PEM; with `signature` for a signed update.' }),
      signature: z.string().min(1).max(800).optional(),
    },
    refine: (input, context) => {
      if ((input.signingCertificate === undefined) !== (input.signature === undefined)) {
        context.addIssue({ code: 'custom', path: [input.signature === undefined ? 'signature' : 'signingCertificate'], message: 'a signed update needs both signingCertificate and signature' });
      }
    },
    toBody: (input) => ({
      case: 'updateFirmware',
      value: {
        location: input.location,
        retrieveAt: timestampOf(input.retrieveAt),
        installAt: timestampOf(input.installAt),
        retries: input.retries ?? 0,
        retryIntervalSeconds: input.retryIntervalSeconds ?? 0,
        requestId: BigInt(input.requestId ?? 0),
        signingCertificatePem: input.signingCertificate ?? '',
        signature: input.signature ?? '',
      },
    }),
  }),
  'get-log': command({
    summary: 'Upload a log',
    description: 'Diagnostics or security log upload: 1.6 GetDiagnostics (diagnostics log without requestId) or GetLog, 2.0.1 GetLog.',
    fields: {
      location: z.string().min(1).max(512).meta({ description: 'URI the station uploads to.' }),
      logType: z.enum(['DiagnosticsLog', 'SecurityLog']).default('DiagnosticsLog'),
      requestId,
      oldest: timestampSchema.optional(),
      latest: timestampSchema.optional(),
      retries,
      retryIntervalSeconds,
    },
    toBody: (input) => ({
      case: 'getLog',
      value: {
        location: input.location,
        logType: input.logType,
        requestId: BigInt(input.requestId ?? 0),
        oldest: timestampOf(input.oldest),
        latest: timestampOf(input.latest),
        retries: input.retries ?? 0,
        retryIntervalSeconds: input.retryIntervalSeconds ?? 0,
      },
    }),
  }),
};
