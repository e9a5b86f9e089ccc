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
