import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { Problem } from './problem';

export interface FieldError {
  /** Where the value is: `body.profile.periods[0].limit`, `query.limit`, `id`. */
  field: string;
  message: string;
}

function fieldName(location: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : `${name}.${String(key)}`), location);
}

/** One entry per offending field; an unknown field is reported under its own name. */
export function fieldErrorsOf(location: string, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: fieldName(location, [...issue.path, key]), message: 'unknown field' }))
      : [{ field: fieldName(location, issue.path), message: issue.message }],
  );
}

/** `field: message` of every error, the first first: the `detail` of a problem that lists them in `errors`. */
export function fieldErrorsDetail(errors: readonly FieldError[]): string {
  return errors.map((error) => `${error.field}: ${error.message}`).join('; ');
}

/** A 400 problem naming every field that failed, the first in `detail`. */
export function invalidRequest(errors: FieldError[]): Problem {
  return new Problem({ status: 400, code: 'invalid-request', detail: fieldErrorsDetail(errors) || 'the request is invalid', extensions: { errors } });
}

/**
 * Validates one part of a request (body, query, a path parameter) against a zod schema and
 * hands the controller the parsed value; anything else is a 400 problem naming the field.
 * A missing body counts as `{}`, so commands without arguments need none.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly location: string,
  ) {}

  transform(value: unknown): z.output<S> {
    const input = value === undefined && this.location === 'body' ? {} : value;
    const parsed = this.schema.safeParse(input);
    if (parsed.success) return parsed.data;
    throw invalidRequest(fieldErrorsOf(this.location, parsed.error.issues));
  }
}
