import { queryInstant } from '@app/runtime';
import { z } from 'zod';

// Shapes shared by the operator API's capabilities.

/** The OCPP-J station identity rule (gateway/station-id.ts), shared by every service's REST API. */
export { stationIdSchema } from '@app/runtime';

export const timestampSchema = z.iso.datetime({ offset: true });

/** A query parameter holding an ISO 8601 instant with offset, e.g. 2025-06-01T10:00:00Z. */
export const instantQuery = queryInstant();

/** Dates of the database as ISO strings in answers. */
export function isoOrNull(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined ? null : new Date(value).toISOString();
}
