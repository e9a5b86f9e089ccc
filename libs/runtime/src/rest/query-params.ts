import { z } from 'zod';

// Query parameters arrive as text; these parse them and are documented as what they mean.

/** A whole number between `min` and `max`, documented as an OpenAPI integer. */
export function queryInteger(min: number, max: number) {
  const message = `must be a whole number between ${min} and ${max}`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message)
    .meta({ type: 'integer', minimum: min, maximum: max });
}

/** `true` or `false`, documented as an OpenAPI boolean. */
export function queryBoolean() {
  return z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .meta({ type: 'boolean' });
}

/** An ISO 8601 instant with offset (e.g. 2025-06-01T10:00:00Z), documented as date-time and parsed into a Date. */
export function queryInstant() {
  return z.iso.datetime({ offset: true }).transform((value) => new Date(value));
}

/**
 * A station id: the OCPP-J identity rule (1-48 characters of a-z A-Z 0-9 * - _ = : + | @ .), which
 * every service's REST API applies to station ids in paths and filters.
 */
export const stationIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9*\-_=:+|@.]{1,48}$/, 'must be 1-48 characters of a-z A-Z 0-9 * - _ = : + | @ .')
  .meta({ description: 'Station id: the last path segment of its OCPP URL.', example: 'CP-0001' });
