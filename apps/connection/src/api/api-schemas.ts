import { z } from 'zod';

// Shapes shared by the operator API's capabilities.

/** The OCPP-J station identity rule (gateway/station-id.ts): 1-48 characters of a-z A-Z 0-9 * - _ = : + | @ . */
export const stationIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9*\-_=:+|@.]{1,48}$/, 'must be 1-48 characters of a-z A-Z 0-9 * - _ = : + | @ .')
  .meta({ description: 'Station id: the last path segment of its OCPP URL.', example: 'CP-0001' });

export const timestampSchema = z.iso.datetime({ offset: true });

/** A query parameter holding an ISO 8601 instant with offset, e.g. 2025-06-01T10:00:00Z. */
export const instantQuery = timestampSchema.transform((value) => new Date(value));

/** Dates of the database as ISO strings in answers. */
export function isoOrNull(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined ? null : new Date(value).toISOString();
}
