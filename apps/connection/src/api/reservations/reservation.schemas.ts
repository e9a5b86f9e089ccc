import { pageQuery, pageSchema, queryBoolean, queryInteger } from '@app/runtime';
import { z } from 'zod';
import { commandAnswerSchema } from '../commands/command-answer';
import { stationIdSchema, timestampSchema } from '../api-schemas';
import { idTokenTypes } from '../id-tokens/id-token.schemas';
import { reservationStatuses } from '../station-core.port';

const INT32_MAX = 2147483647;

/** The 2.0.1 ConnectorEnumType (ReserveNow connectorType). */
export const connectorTypes = [
  'cCCS1', 'cCCS2', 'cG105', 'cTesla', 'cType1', 'cType2', 's309-1P-16A', 's309-1P-32A', 's309-3P-16A', 's309-3P-32A', 'sBS1361',
  'sCEE-7-7', 'sType2', 'sType3', 'Other1PhMax16A', 'Other1PhOver16A', 'Other3Ph', 'Pan', 'wInductive', 'wResonant', 'Undetermined', 'Unknown',
] as const;

export const reservationIdSchema = queryInteger(1, INT32_MAX).meta({ description: 'Reservation id (allocated by the CSMS).', example: 17 });

export const reservationSchema = z.object({
  id: z.number().int().meta({ description: 'Reservation id, allocated by the CSMS: 1.6 reservationId / 2.0.1 id.' }),
  stationId: z.string(),
  evseId: z.number().int().meta({ description: 'Reserved EVSE (1.6: connector); 0: any EVSE of the station.' }),
  connectorType: z.string().nullable().meta({ description: '2.0.1 connector type asked for; null: any.' }),
  idToken: z.string(),
  idTokenType: z.string(),
  groupIdToken: z.string().nullable().meta({ description: '1.6 parentIdTag / 2.0.1 groupIdToken: tokens of this group may use the reservation too.' }),
  expiresAt: timestampSchema,
  status: z.enum(reservationStatuses).meta({
    description:
      'requested (waiting for the station), active (Accepted: the EVSE is held), faulted / occupied / rejected / unavailable (the station refused it), failed (no answer: not connected, timeout, CALLERROR), used (its token started a transaction), cancelled, expired (its expiry passed or the station said so), removed (the station removed it).',
  }),
  active: z.boolean().meta({ description: 'Whether it holds its EVSE now: status active and its expiry in the future.' }),
  stationStatus: z.string().nullable().meta({ description: 'The station’s own answer to ReserveNow (Accepted, Occupied, ...).' }),
  commandId: z.string().nullable().meta({ description: 'The ReserveNow command (see /api/commands/{commandId}).' }),
  failure: z.string().nullable().meta({ description: 'Why no answer came, when failed.' }),
  transactionId: z.string().nullable().meta({ description: 'The transaction that used it.' }),
  createdBy: z.string().nullable().meta({ description: 'Name of the API token that made it.' }),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  endedAt: timestampSchema.nullable(),
});
export type ReservationView = z.output<typeof reservationSchema>;

export const reservationPageSchema = pageSchema(reservationSchema);

export const reservationAnswerSchema = z.object({
  reservation: reservationSchema,
  answer: commandAnswerSchema.meta({ description: 'The station’s answer to ReserveNow / CancelReservation.' }),
});
export type ReservationAnswer = z.output<typeof reservationAnswerSchema>;

export const createReservationBody = z.strictObject({
  stationId: stationIdSchema,
  evseId: z.number().int().min(0).max(INT32_MAX).default(0).meta({ description: 'EVSE to reserve (1.6: connectorId); 0 (default): any EVSE of the station.' }),
  connectorType: z.enum(connectorTypes).optional().meta({ description: '2.0.1 only: the connector type to hold.' }),
  idToken: z.string().min(1).max(36).meta({ description: 'The token the EVSE is held for (1.6 idTag: at most 20 characters).' }),
  idTokenType: z.enum(idTokenTypes).default('ISO14443').meta({ description: 'Token type (default ISO14443, an RFID card).' }),
  groupIdToken: z.string().min(1).max(36).optional().meta({ description: '1.6 parentIdTag / 2.0.1 groupIdToken.' }),
  expiresAt: timestampSchema.meta({ description: 'When the reservation ends; must be in the future.', example: '2026-03-01T12:30:00Z' }),
});
export type CreateReservationBody = z.output<typeof createReservationBody>;

export const listReservationsQuery = z.strictObject({
  stationId: stationIdSchema.optional(),
  status: z.enum(reservationStatuses).optional().meta({ description: 'Only reservations in this status (an active one past its expiry counts as expired).' }),
  active: queryBoolean().optional().meta({ description: 'true: only those holding their EVSE now; false: only those that do not.' }),
  evseId: queryInteger(0, INT32_MAX).optional(),
  ...pageQuery(['timestamp', 'integer']),
});
export type ListReservationsQuery = z.output<typeof listReservationsQuery>;
