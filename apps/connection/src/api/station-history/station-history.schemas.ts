import { pageQuery, pageSchema } from '@app/runtime';
import { z } from 'zod';
import { instantQuery, timestampSchema } from '../api-schemas';

export const historyKinds = ['boot', 'status', 'connection', 'notification'] as const;
export type HistoryKind = (typeof historyKinds)[number];

const at = timestampSchema.meta({ description: 'When it happened: the station’s own time for statuses, the CSMS’s for boots, connections and notifications.' });

export const bootEntrySchema = z.object({
  kind: z.literal('boot'),
  at,
  vendor: z.string(),
  model: z.string(),
  serialNumber: z.string().nullable(),
  firmwareVersion: z.string().nullable(),
  bootReason: z.string().nullable().meta({ description: '2.0.1 boot reason (PowerUp, RemoteReset, ...); null for 1.6.' }),
  status: z.enum(['Accepted', 'Pending', 'Rejected']).meta({ description: 'The registration status the CSMS answered.' }),
  statusReason: z
    .enum(['awaiting-acceptance', 'registration-rejected', 'not-registered'])
    .nullable()
    .meta({ description: 'Why it was not Accepted: pending an operator’s acceptance, rejected by an operator, or no longer registered.' }),
});

export const statusEntrySchema = z.object({
  kind: z.literal('status'),
  at,
  evseId: z.number().int().meta({ description: 'EVSE (1.6: connector id); 0 = the station itself.' }),
  connectorId: z.number().int(),
  status: z.enum(['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted']),
  ocppStatus: z.string().meta({ description: 'The status as the station sent it (1.6: Preparing, Charging, SuspendedEV, ...).' }),
  errorCode: z.string().nullable().meta({ description: '1.6 errorCode (NoError when healthy); null for 2.0.1.' }),
  info: z.string().nullable(),
  vendorErrorCode: z.string().nullable(),
});

export const connectionEntrySchema = z.object({
  kind: z.literal('connection'),
  at,
  event: z.enum(['connected', 'disconnected']),
  protocol: z.string().meta({ description: 'WebSocket subprotocol: ocpp1.6, ocpp2.0.1.' }),
  securityProfile: z.number().int().min(0).max(3).meta({ description: 'Security profile the connection was accepted on.' }),
  replica: z.string().meta({ description: 'Connection replica that held the socket.' }),
  closeCode: z.number().int().nullable().meta({ description: 'WebSocket close code (1006: dropped without a close frame); null when connected.' }),
  reason: z.string().nullable().meta({ description: 'Close reason, when one was given or known.' }),
});

export const notificationEntrySchema = z.object({
  kind: z.literal('notification'),
  at,
  action: z
    .enum(['FirmwareStatusNotification', 'SignedFirmwareStatusNotification', 'DiagnosticsStatusNotification', 'LogStatusNotification', 'DataTransfer'])
    .meta({ description: 'The message the station sent.' }),
  status: z.string().meta({ description: 'The status it reported (Downloading, Installed, Uploaded, ...); for DataTransfer, what the CSMS answered (Accepted, UnknownVendorId).' }),
  requestId: z.number().int().nullable().meta({ description: 'The UpdateFirmware / GetLog request it reports on; null when the message carries none (1.6 core).' }),
  vendorId: z.string().nullable().meta({ description: 'DataTransfer vendorId; null otherwise.' }),
  messageId: z.string().nullable().meta({ description: 'DataTransfer messageId, when sent.' }),
  data: z.string().nullable().meta({ description: 'DataTransfer data (2.0.1: as JSON text), its first 1,000 characters; the whole of it is published on ocpp.events.' }),
});

export const historyEntrySchema = z.discriminatedUnion('kind', [bootEntrySchema, statusEntrySchema, connectionEntrySchema, notificationEntrySchema]);
export const historyPageSchema = pageSchema(historyEntrySchema);

export type HistoryEntryView = z.output<typeof historyEntrySchema>;

export const stationHistoryQuery = z.strictObject({
  kind: z.enum(historyKinds).optional().meta({ description: 'Only boots, connector statuses, connections or notifications (firmware and log upload progress, DataTransfer).' }),
  from: instantQuery.optional().meta({ description: 'Happened at or after this instant (ISO 8601 with offset).' }),
  to: instantQuery.optional().meta({ description: 'Happened before this instant.' }),
  ...pageQuery(['timestamp', 'text', 'integer']),
});
export type StationHistoryQuery = z.output<typeof stationHistoryQuery>;
